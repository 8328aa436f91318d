package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;

/**
 * The test at the heart of Ziv's strategy: given an approximation and a bound on its relative
 * error, is the correctly rounded result already known? It is when both ends of the error
 * interval round to the same value of the dtype (rounding is monotone, so everything between does
 * too); otherwise the caller must retry with more precision.
 */
public final class RoundingDecision {
    private RoundingDecision() {
    }

    /**
     * The correctly rounded value of an approximation (hi + lo) * 2^scale whose relative error is
     * at most relError, or null when the interval straddles a rounding boundary (a midpoint between
     * two values of the dtype).
     */
    public static Double decide(double hi, double lo, int scale, double relError, DType dtype) {
        if (!Double.isFinite(hi) || !Double.isFinite(lo)) {
            // A pass that overflowed or produced NaN knows nothing about the rounding.
            return null;
        }
        if (hi == 0 && lo == 0) {
            return hi;
        }
        // Doubling covers the rounding of lo ± e, which is tiny against e as long as relError ≥ 2^-104.
        double e = Math.abs(hi) * relError * 2;
        double a = Math.abs(hi);
        if (scale == 0 && a >= 0x1p-960 && a <= 0x1p1000) {
            double r1 = roundPair(hi, lo - e, dtype);
            double r2 = roundPair(hi, lo + e, dtype);
            return same(r1, r2) ? r1 : null;
        }
        ExactRounding.Binary center = ExactRounding.binary(hi, lo, 0);
        ExactRounding.Binary err = ExactRounding.binary(e);
        double r1 = ExactRounding.round(center.add(new ExactRounding.Binary(err.mantissa().negate(), err.exponent())).shift(scale), dtype);
        double r2 = ExactRounding.round(center.add(err).shift(scale), dtype);
        return same(r1, r2) ? r1 : null;
    }

    /** The same test for a decimal approximation whose relative error is below 10^-goodDigits. */
    public static Double decide(java.math.BigDecimal v, int goodDigits, DType dtype) {
        java.math.BigDecimal err = v.abs().movePointLeft(goodDigits);
        double r1 = ExactRounding.round(v.subtract(err), dtype);
        double r2 = ExactRounding.round(v.add(err), dtype);
        return same(r1, r2) ? r1 : null;
    }

    /**
     * Whether two roundings are the same value of the dtype, bit for bit. Every decision that two
     * ends of an interval agree goes through here: {@code ==} would take -0.0 for +0.0 and so
     * settle an interval that straddles zero (a tiny positive result that underflows) on whichever
     * zero came first.
     */
    static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /** Correct rounding of the exact sum hi + lo (hi in the normal range of doubles) to the dtype. */
    public static double roundPair(double hi, double lo, DType dtype) {
        if (dtype == DType.FLOAT64) {
            return hi + lo;
        }
        DoubleDouble n = DoubleDouble.twoSum(hi, lo);
        return dtype == DType.FLOAT32 ? roundToFloat(n.hi(), n.lo()) : roundNarrow(n.hi(), n.lo(), dtype);
    }

    /**
     * Rounds a normalized pair to float16 or bfloat16: hi alone decides, unless hi lies exactly on a
     * rounding boundary of the dtype (a midpoint, or the overflow threshold), where lo's sign does.
     */
    static double roundNarrow(double hi, double lo, DType dtype) {
        double r = dtype.round(hi);
        if (lo == 0) {
            return r;
        }
        double a = Math.abs(hi);
        double below = dtype.round(Math.nextDown(a));
        double above = dtype.round(Math.nextUp(a));
        // Both are values of the dtype far inside the double range (or +Infinity): the sum is exact.
        // a, below and above are all ≥ +0, so the value comparisons below cannot confuse zeros.
        double overflowAt = dtype.maxValue() + Math.scalb(1.0, dtype.maxExponent() - dtype.precision());
        boolean boundary = !same(below, above) && (a == (below + above) / 2 || a == overflowAt);
        if (!boundary) {
            return r;
        }
        return Math.copySign(Math.signum(lo) == Math.signum(hi) ? above : below, hi);
    }

    /** Rounds a normalized pair to float32 without the double rounding that (float) (hi + lo) risks. */
    static double roundToFloat(double hi, double lo) {
        float f = (float) hi;
        if (Float.isInfinite(f)) {
            // hi is at or beyond MAX_VALUE + half an ulp; only exactly there can lo pull it back.
            double threshold = Float.MAX_VALUE + Math.ulp(Float.MAX_VALUE) / 2.0;
            return Math.abs(hi) == threshold && Math.signum(lo) == -Math.signum(hi) ? Math.copySign(Float.MAX_VALUE, hi) : f;
        }
        double fd = f;
        if (fd == hi || lo == 0) {
            return fd;
        }
        double diff = hi - fd;
        float other = diff > 0 ? Math.nextUp(f) : Math.nextDown(f);
        double mid = (fd + (double) other) / 2;
        if (hi != mid) {
            return fd;
        }
        return Math.signum(lo) == Math.signum(diff) ? other : fd;
    }
}
