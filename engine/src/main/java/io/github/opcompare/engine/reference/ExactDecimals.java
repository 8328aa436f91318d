package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The exact values shown beside results (each backend's worst, the first elements of a case), as
 * decimals whose every digit is right: {@link ExactDecimal#MAX_DIGITS} significant digits, correctly
 * rounded, or fewer where that is all the computation can vouch for.
 *
 * <p>They are computed afresh for the few elements shown, not taken from the reference: its exact
 * value is only as precise as the pass that settled the rounding (a double, good to about 16 digits,
 * for most float32 results), and printing it to 30 digits showed wrong digits from the 17th on. The
 * reference still says which results are NaN or infinite (poles, undefined arguments) and settles
 * the special-table results it holds exactly. Each value is enclosed at 40 digits, then 80 and 160
 * while the enclosure straddles a decimal rounding boundary; if none settles 30 digits (the value
 * is itself such a boundary, as 2^-44 = 5.684…0625 is one for 30 digits), the digits it does settle.
 *
 * <p>One instance per case remembers what it computed, so that every backend's worst list and the
 * side-by-side rows share the work. Safe for several threads at once, which compute different
 * elements side by side (backends are judged in parallel): a value is computed outside any lock,
 * and should two threads compute the same one, both get the same digits and one is kept.
 */
public final class ExactDecimals {
    private static final int START_DIGITS = 40;
    private static final int MAX_DIGITS = 160;

    private final Op op;
    private final List<Values> inputs;
    private final ExactResults reference;
    private final Map<Integer, ExactDecimal> computed = new ConcurrentHashMap<>();
    private VectorDecimals.Softmax softmax;

    public ExactDecimals(Op op, List<Values> inputs, ExactResults reference) {
        this.op = op;
        this.inputs = inputs;
        this.reference = reference;
    }

    /** The exact value of output i. */
    public ExactDecimal at(int i) {
        ExactDecimal known = computed.get(i);
        if (known != null) {
            return known;
        }
        ExactDecimal fresh = compute(i);
        ExactDecimal raced = computed.putIfAbsent(i, fresh);
        return raced == null ? fresh : raced;
    }

    /**
     * The exact value of op(x, y) for an elementwise op (y ignored for unary ops), whose reference
     * element is {@code reference}: for results judged one by one, as in an exhaustive sweep.
     */
    public static ExactDecimal element(Op op, double x, double y, ExactValue reference) {
        return settle(reference, digits -> ElementDecimals.of(op, x, y, reference, digits), true);
    }

    private ExactDecimal compute(int i) {
        ExactValue ref = reference.exact(i);
        double[] x = inputs.get(0).array();
        return switch (op.kind()) {
            case ELEMENTWISE -> element(op, x[i], op.arity() > 1 ? inputs.get(1).get(i) : 0, ref);
            case REDUCTION -> switch (op) {
                case REDUCE_SUM -> settle(ref, d -> VectorDecimals.sum(x), false);
                case REDUCE_MEAN -> settle(ref, d -> VectorDecimals.mean(x, d), true);
                case REDUCE_MAX, REDUCE_MIN -> settle(ref, d -> VectorDecimals.extremum(x, op == Op.REDUCE_MAX), false);
                case REDUCE_PROD -> settle(ref, d -> VectorDecimals.product(x, d), true);
                case LOGSUMEXP -> settle(ref, d -> VectorDecimals.logSumExp(x), false);
                default -> throw new IllegalArgumentException("not a reduction: " + op.id());
            };
            case VECTOR -> settle(ref, d -> softmax(x).at(i, d), false);
            case MATRIX -> settle(ref, d -> VectorDecimals.matmul(x, inputs.get(1).array(), i), false);
        };
    }

    private synchronized VectorDecimals.Softmax softmax(double[] x) {
        if (softmax == null) {
            softmax = new VectorDecimals.Softmax(x);
        }
        return softmax;
    }

    /**
     * NaN and ±∞ as the reference has them; otherwise the enclosure at growing precision (only
     * where more digits of work give a narrower one: {@code refinable}) until it settles 30 digits.
     * An exact zero takes the reference's sign (its correctly rounded zero, by IEEE 754's rules).
     */
    static ExactDecimal settle(ExactValue reference, IntFunction<DecimalEnclosure> at, boolean refinable) {
        if (reference.isNaN() || reference.isInfinite()) {
            return ExactDecimal.nonNumberOrZero(reference.hi());
        }
        ExactDecimal best = ExactDecimal.unknown();
        try {
            for (int digits = START_DIGITS; digits <= MAX_DIGITS; digits *= 2) {
                DecimalEnclosure e = at.apply(digits);
                if (e.isExactZero()) {
                    return ExactDecimal.nonNumberOrZero(Math.copySign(0.0, reference.hi()));
                }
                ExactDecimal d = e.digits(ExactDecimal.MAX_DIGITS);
                if (d.known() && (!best.known() || d.digits() > best.digits())) {
                    best = d;
                }
                if (!refinable || e.isExact() || best.known() && best.digits() == ExactDecimal.MAX_DIGITS) {
                    break;
                }
            }
        } catch (ArithmeticException | org.apfloat.ApfloatRuntimeException e) {
            // An evaluation that cannot be done (an apfloat overflow): show what is settled so far, or
            // nothing, rather than stop the run over a number printed beside it.
        }
        return best;
    }
}
