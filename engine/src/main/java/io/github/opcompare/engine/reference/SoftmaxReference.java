package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * logsumexp and softmax over a whole vector, shifted by the maximum m as every library does (the
 * shift changes nothing mathematically). The terms e^(x_i - m) ≤ 1 come from the double-double exp
 * of the exact difference x_i - m (TwoSum), within 2^-79 each; they are positive, so their sum,
 * accumulated exactly ({@link ExactSum}), is within 2^-79 too, apart from terms below 2^-960 that
 * are dropped (at most n 2^-960, added to the bound). Where a bound cannot decide a rounding, the
 * sum and the quotient are recomputed with apfloat at growing precision.
 */
final class SoftmaxReference {
    private static final double TERM_BOUND = 0x1p-79;
    private static final double DROPPED = 0x1p-960;
    private static final int START_DIGITS = 40;
    private static final int MAX_DIGITS = 5_000;

    static {
        ApfloatSetup.ensure();
    }

    private SoftmaxReference() {
    }

    /** The shifted terms, their exact sum and its relative bound; null fields for the special cases. */
    record Terms(double max, ExactValue[] terms, DoubleDouble sum, double sumBound) {
    }

    static Terms terms(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        ExactValue[] t = new ExactValue[x.length];
        ExactSum acc = new ExactSum();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == Double.NEGATIVE_INFINITY) {
                t[i] = ExactValue.of(0.0);
                continue;
            }
            DoubleDouble d = DoubleDouble.twoSum(x[i], -m);
            t[i] = d.hi() < -1400 ? ExactValue.of(0.0) : DoubleDoubleExpLog.exp(d);
            if (t[i].scale() == 0 && t[i].hi() >= DROPPED) {
                acc.add(t[i].hi());
                acc.add(t[i].lo());
            }
        }
        ExactValue s = ExactValue.of(acc.value());
        DoubleDouble sum = new DoubleDouble(s.hi(), s.lo()).scalb(s.scale());
        return new Terms(m, t, sum, TERM_BOUND + x.length * DROPPED + 0x1p-104);
    }

    /** log Σ e^x_i: NaN for any NaN, +∞ for any +∞, -∞ for an empty or all -∞ vector. */
    static ExactElement logSumExp(double[] x, DType dtype) {
        boolean posInf = false;
        boolean allNegInf = true;
        for (double v : x) {
            if (Double.isNaN(v)) {
                return ExactElement.nan();
            }
            posInf |= v == Double.POSITIVE_INFINITY;
            allNegInf &= v == Double.NEGATIVE_INFINITY;
        }
        if (posInf || allNegInf) {
            return ExactElement.exactly(posInf ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        Double single = singleFiniteTerm(x);
        if (single != null) {
            // log(e^x) = x exactly. Also the only way the result is exactly 0 (x = ±0, log 1 = +0), which
            // no rounding test below can settle, however many digits: every approximation is 0 too.
            return ExactElement.exactly(single + 0.0);
        }
        Terms t = terms(x);
        // log S within 2^-78 of log S plus the sum's relative error as an absolute one; m is exact.
        DoubleDouble logS = DoubleDoubleExpLog.log(t.sum());
        DoubleDouble r = logS.add(t.max());
        double absolute = 0x1p-78 * Math.abs(logS.hi()) + t.sumBound() + 0x1p-104 * Math.abs(r.hi());
        if (r.hi() != 0) {
            Double rounded = RoundingDecision.decide(r.hi(), r.lo(), 0, absolute / Math.abs(r.hi()), dtype);
            if (rounded != null) {
                return new ExactElement(rounded, ExactValue.of(r, 0), 2);
            }
        }
        ExactElement tiny = logOfOnePlusTiny(x, t.max());
        if (tiny != null) {
            return tiny;
        }
        for (int digits = START_DIGITS; digits <= MAX_DIGITS; digits *= 2) {
            // A sum of exact terms (e^0 = 1) has infinite precision, whose logarithm apfloat refuses.
            Apfloat s = apfloatSum(x, t.max(), digits + 10).precision(digits + 10);
            Apfloat v = ApfloatMath.log(s).add(new Apfloat(new BigDecimal(t.max()), digits + 10));
            if (v.signum() != 0) {
                BigDecimal d = new BigDecimal(v.toString(true));
                // Cancellation between log S and m costs the digits above the result's own magnitude
                // (read from the decimal itself: e^-1000 has no double to take a logarithm of).
                int magnitude = d.precision() - d.scale() - 1;
                int lost = (int) Math.max(0, Math.ceil(Math.log10(Math.abs(t.max()) + 1)) - magnitude);
                if (digits - lost > 0) {
                    Double rounded = RoundingDecision.decide(d, digits - lost, dtype);
                    if (rounded != null) {
                        return new ExactElement(rounded, ExactValue.of(d), 3);
                    }
                }
            }
        }
        throw ReferenceException.undecided(ReferenceException.call(Op.LOGSUMEXP, dtype, x), dtype, MAX_DIGITS + " digits");
    }

    /**
     * log(1 + δ) for a maximum m = ±0 held by one element while every other term e^x_i is below
     * e^-2500 (which {@link #apfloatSum} leaves out, so no precision could see δ): positive and far
     * below every dtype's smallest subnormal, so +0. The exact value given is the largest e^x_i, the
     * size of δ; null for any other vector.
     */
    private static ExactElement logOfOnePlusTiny(double[] x, double m) {
        if (m != 0) {
            return null;
        }
        boolean seenMax = false;
        double next = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (v == 0 && !seenMax) {
                seenMax = true;
            } else if (v > -2500) {
                return null;
            } else {
                next = Math.max(next, v);
            }
        }
        return new ExactElement(0.0, SpecialValues.expOutOfRange(next).exact(), 3);
    }

    /** The one element that is not -∞, or null when there are more (no NaN or +∞ left to see). */
    private static Double singleFiniteTerm(double[] x) {
        Double single = null;
        for (double v : x) {
            if (v != Double.NEGATIVE_INFINITY) {
                if (single != null) {
                    return null;
                }
                single = v;
            }
        }
        return single;
    }

    /**
     * e^x_i / Σ e^x_j for every i. Any NaN or +∞ gives NaN everywhere (∞ - ∞ in the shift, as in the
     * libraries); -∞ entries give exactly 0; an all -∞ vector is 0/0, NaN.
     */
    static ExactResults softmax(double[] x, DType dtype) {
        ExactResults r = new ExactResults(dtype, x.length);
        boolean undefined = true; // stays true for an all -∞ vector
        for (double v : x) {
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                undefined = true;
                break;
            }
            undefined &= v == Double.NEGATIVE_INFINITY;
        }
        if (undefined) {
            for (int i = 0; i < x.length; i++) {
                r.set(i, ExactElement.nan());
            }
            return r;
        }
        Terms t = terms(x);
        double bound = 2 * t.sumBound() + 0x1p-100;
        Apfloat[] apfloatSum = new Apfloat[1];
        int[] apfloatDigits = new int[1];
        for (int i = 0; i < x.length; i++) {
            ExactValue ti = t.terms()[i];
            if (ti.hi() == 0) {
                // e^(x_i - m) below 2^-1400 (or x_i = -∞): far below every dtype's smallest subnormal.
                r.set(i, x[i] == Double.NEGATIVE_INFINITY ? ExactElement.exactly(0.0) : new ExactElement(0.0, ti, 0));
                continue;
            }
            DoubleDouble q = new DoubleDouble(ti.hi(), ti.lo()).div(t.sum());
            ExactValue v = ExactValue.of(q, ti.scale());
            Double rounded = RoundingDecision.decide(v.hi(), v.lo(), v.scale(), bound, dtype);
            if (rounded != null) {
                r.set(i, new ExactElement(rounded, v, 2));
                continue;
            }
            r.set(i, escalate(x, i, t.max(), dtype, apfloatSum, apfloatDigits));
        }
        return r;
    }

    /** One softmax output with apfloat, reusing the apfloat sum across outputs of the same call. */
    private static ExactElement escalate(double[] x, int i, double m, DType dtype, Apfloat[] sum, int[] sumDigits) {
        for (int digits = START_DIGITS; digits <= MAX_DIGITS; digits *= 2) {
            if (sumDigits[0] < digits) {
                sum[0] = apfloatSum(x, m, digits + 10);
                sumDigits[0] = digits;
            }
            Apfloat e = ApfloatMath.exp(new Apfloat(new BigDecimal(x[i]).subtract(new BigDecimal(m)), digits + 10));
            BigDecimal d = new BigDecimal(e.divide(sum[0]).toString(true));
            Double rounded = RoundingDecision.decide(d, digits - ArbitraryPrecision.GUARD_DIGITS, dtype);
            if (rounded != null) {
                return new ExactElement(rounded, ExactValue.of(d), 3);
            }
        }
        throw ReferenceException.undecided(ReferenceException.call(Op.SOFTMAX, dtype, x) + " element " + i, dtype,
                MAX_DIGITS + " digits");
    }

    /** Σ e^(x_i - m) at the given digits (terms below e^-2500 cannot matter at any digits used here). */
    private static Apfloat apfloatSum(double[] x, double m, int digits) {
        Apfloat s = new Apfloat(0, digits);
        BigDecimal md = new BigDecimal(m);
        for (double v : x) {
            if (v != Double.NEGATIVE_INFINITY && v - m > -2500) {
                s = s.add(ApfloatMath.exp(new Apfloat(new BigDecimal(v).subtract(md), digits)));
            }
        }
        return s;
    }
}
