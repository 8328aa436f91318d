package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;

/**
 * Exact results of the transcendental ops (and 1/sqrt, cbrt, pow, atan2) for one argument, by
 * Ziv's strategy: a cheap evaluation with a known error bound, kept when it decides the rounding,
 * otherwise a more precise one. Passes: 1 = double precision ({@link FastPass}, float32 only),
 * 2 = double-double ({@link DoubleDoublePass}), 3+ = apfloat at growing precision. Special values
 * follow C99 Annex F / IEEE 754 and are settled before any pass.
 */
final class ElementaryReference {
    /** From this |x| on, exp is settled as out of range for the narrow dtypes (float64: 1500). */
    static final double EXP_OUT_OF_RANGE_FLOAT32 = 700;
    /** Beyond this |x|, tanh x is settled as ±1 in every dtype. */
    static final double TANH_SATURATED = 40;

    private final ReferenceSettings settings;

    ElementaryReference(ReferenceSettings settings) {
        this.settings = settings;
    }

    ExactElement compute(Op op, double x, DType dtype) {
        return compute(op, x, 0, dtype);
    }

    /** op(x) for unary ops; op(x, y) for pow and atan2, x being the first operand. */
    ExactElement compute(Op op, double x, double y, DType dtype) {
        ExactElement special = op.arity() == 2 ? BinarySpecialValues.of(op, x, y, dtype) : special(op, x, dtype);
        if (special != null) {
            return special;
        }
        if (op == Op.POW) {
            ExactElement exact = PowExact.of(x, y, dtype);
            if (exact != null) {
                return exact;
            }
        }
        if (dtype != DType.FLOAT64 && settings.fastPassUlps() > 0) {
            ExactElement fast = fastPass(op, x, y, dtype);
            if (fast != null) {
                return fast;
            }
        }
        DoubleDoublePass.Approx dd = DoubleDoublePass.evaluate(op, x, y, settings.doubleDoubleError());
        if (dd != null) {
            ExactValue v = dd.value();
            Double rounded = RoundingDecision.decide(v.hi(), v.lo(), v.scale(), dd.bound(), dtype);
            if (rounded != null) {
                return new ExactElement(rounded, v, 2);
            }
        }
        int pass = 3;
        for (int digits = settings.startDigits(); digits <= settings.maxDigits(); digits *= 2, pass++) {
            ArbitraryPrecision.Result r = ArbitraryPrecision.evaluate(op, x, y, digits);
            Double rounded = RoundingDecision.decide(r.value(), r.goodDigits(), dtype);
            if (rounded != null) {
                return new ExactElement(rounded, ExactValue.of(r.value()), pass);
            }
        }
        // Only an exact midpoint (none of these functions has one at an argument that the special values
        // and PowExact leave to the passes) or a fault of a pass could get here: say so rather than guess.
        throw ReferenceException.undecided(ReferenceException.call(op, dtype, x, y), dtype, settings.maxDigits() + " digits");
    }

    /**
     * {@link #compute} for a unary op where the special values or the first pass settle it, written
     * straight into output {@code i} of {@code into} without the two records per element that
     * {@link #compute} returns (at a million values per case, allocating them was a third of the
     * reference's time); false where neither does, leaving the element to {@link #compute}, which
     * then decides it exactly as it would have. Where it returns true it writes what {@link #compute}
     * returns.
     */
    boolean settleCheaply(Op op, double x, DType dtype, ExactResults into, int i) {
        if (op.arity() != 1) {
            return false;
        }
        ExactElement special = special(op, x, dtype);
        if (special != null) {
            into.set(i, special);
            return true;
        }
        if (dtype == DType.FLOAT64 || settings.fastPassUlps() <= 0) {
            return false;
        }
        double d = FastPass.value(op, x, 0);
        if (Double.isNaN(d)) {
            return false;
        }
        // As fastPass below, step for step.
        double bound = settings.fastPassUlps() * FastPass.ulps(op) * Math.ulp(d);
        double lo = dtype.round(d - bound);
        double hi = dtype.round(d + bound);
        if (!RoundingDecision.same(lo, hi)) {
            return false;
        }
        into.set(i, lo, d, 0.0, 0, 1);
        return true;
    }

    /**
     * {@link #settleCheaply} for the elements of {@code x[from, to)} that the float32 first pass
     * settles, in {@link FirstPassBlock}'s two loops where it has them: those it writes into
     * {@code into} (whose outputs from {@code from} to {@code to} must not have been set), exactly as
     * settleCheaply would; the indices of the others it lists, ascending, in
     * {@code left} and returns how many. The caller hands each of those to settleCheaply and then to
     * {@link #compute}, as for any element. Every index is listed where the block loops do not apply
     * (another op or dtype, or the first pass switched off).
     */
    int settleBlock(Op op, DType dtype, double[] x, int from, int to, ExactResults into, int[] left) {
        if (dtype != DType.FLOAT32 || settings.fastPassUlps() <= 0 || !FirstPassBlock.covers(op)) {
            for (int i = from; i < to; i++) {
                left[i - from] = i;
            }
            return to - from;
        }
        // The same product as settleCheaply's bound, (fastPassUlps × ulps) × ulp(d), evaluated in the same order.
        double factor = settings.fastPassUlps() * FastPass.ulps(op);
        return FirstPassBlock.settle(op, factor, x, from, to, into, left);
    }

    /**
     * The element {@link #compute} gives for every x[from..to) of a unary op, where it can tell
     * without computing them one by one that it is one and the same; null otherwise. So far exp of
     * finite arguments of one sign so large that {@link SpecialValues#expOutOfRange}'s scale
     * saturates: from about ±7.44e8 on, where the result is +Infinity or +0 and the exact value is
     * (1, 0, ±2^30). That is 39% of all float32 inputs in an exhaustive sweep of exp (a sampled case
     * rarely has a block of them; the test costs one pass over the block).
     *
     * <p>Why every element gives the smallest |x|'s element: each x of the block is finite, non-zero
     * and at least the special-value threshold (700, or 1500 for float64) in magnitude, so {@link
     * #special} hands it to expOutOfRange, which rounds k = rint(x / ln 2) (ln 2 as {@code
     * Math.log(2)}, one value on the running JVM). Division by a positive constant, correctly rounded,
     * and rint are both non-decreasing, so k is at least the smallest positive x's k (at most the
     * largest negative x's): saturated there means saturated everywhere, and the element depends on x
     * only through the sign and the saturated k: (±Infinity or 0, hi 1, lo 0, scale ±2^30).
     */
    ExactElement sameForAll(Op op, double[] x, int from, int to, DType dtype) {
        if (op != Op.EXP || from >= to) {
            return null;
        }
        boolean positive = x[from] > 0;
        double threshold = outOfRange(dtype);
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double a = Math.abs(x[i]);
            // NaN and infinities fail the first test; zeros and every argument below the threshold the
            // second, so that a block of ordinary arguments (any sampled case) costs one element, not a
            // pass; the other sign the third.
            if (!(a <= Double.MAX_VALUE) || a < threshold || (x[i] > 0) != positive) {
                return null;
            }
            nearest = Math.min(nearest, a);
        }
        ExactElement e = SpecialValues.expOutOfRange(positive ? nearest : -nearest);
        return Math.abs(e.exact().scale()) == ExactValue.SATURATED_SCALE ? e : null;
    }

    /** |x| from which {@link #special} settles exp as out of range. */
    private static double outOfRange(DType dtype) {
        return dtype == DType.FLOAT64 ? 1500 : EXP_OUT_OF_RANGE_FLOAT32;
    }

    private ExactElement fastPass(Op op, double x, double y, DType dtype) {
        double d = FastPass.value(op, x, y);
        if (Double.isNaN(d)) {
            return null;
        }
        double bound = settings.fastPassUlps() * FastPass.ulps(op) * Math.ulp(d);
        // d ± bound are rounded to double, which can only widen the interval's image: still safe.
        double lo = dtype.round(d - bound);
        double hi = dtype.round(d + bound);
        // Bit for bit: where d underflows, d - bound rounds to -0 and d + bound to +0, and the sign of
        // the exact value is not known here; the next pass, which keeps the scale, settles it.
        return RoundingDecision.same(lo, hi) ? new ExactElement(lo, ExactValue.of(d), 1) : null;
    }

    /** Settles NaN, infinities, zeros, poles and arguments whose result is out of range; null otherwise. */
    private static ExactElement special(Op op, double x, DType dtype) {
        if (Double.isNaN(x)) {
            return ExactElement.nan();
        }
        switch (op) {
            case EXP:
                if (x == 0) {
                    return ExactElement.exactly(1.0);
                }
                if (Double.isInfinite(x)) {
                    return ExactElement.exactly(x > 0 ? x : 0.0);
                }
                if (Math.abs(x) >= outOfRange(dtype)) {
                    return SpecialValues.expOutOfRange(x);
                }
                return null;
            case LOG:
                if (x < 0) {
                    return ExactElement.nan();
                }
                if (x == 0) {
                    return ExactElement.exactly(Double.NEGATIVE_INFINITY);
                }
                if (x == 1 || x == Double.POSITIVE_INFINITY) {
                    return ExactElement.exactly(x == 1 ? 0.0 : x);
                }
                return null;
            case SIN:
            case COS:
                if (Double.isInfinite(x)) {
                    return ExactElement.nan();
                }
                if (x == 0) {
                    return ExactElement.exactly(op == Op.SIN ? x : 1.0);
                }
                return null;
            case TANH:
                if (x == 0 || Math.abs(x) < SpecialValues.TINY) {
                    // tanh x = x - x³/3: the x³ term is far below half an ulp of x, even for subnormals.
                    return new ExactElement(x, ExactValue.of(x), 0);
                }
                if (Math.abs(x) > TANH_SATURATED) {
                    // 1 - 2e^-2|x| with the correction below 2^-115: 1 is the rounding in every dtype.
                    double one = Math.copySign(1.0, x);
                    return new ExactElement(one, new ExactValue(one, -one * 2 * Math.exp(-2 * Math.abs(x)), 0), 0);
                }
                return null;
            default:
                return SpecialValues.unary(op, x, dtype);
        }
    }
}
