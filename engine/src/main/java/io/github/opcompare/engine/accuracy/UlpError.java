package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.reference.ExactValue;
import io.github.opcompare.worker.dtype.DType;

/**
 * Ulp error as the numerics literature defines it: |computed - exact| / ulp(exact), with
 * ulp(x) = 2^(e-p+1) for 2^e ≤ |x| < 2^(e+1) in the target dtype, fixed at the subnormal spacing
 * below the normal range and at the top binade's spacing at and beyond 2^(emax+1). A computed
 * ±Infinity counts as ±2^(emax+1) against a finite exact value (IEEE's overflow convention).
 * Results too large for a double (float64 errors past 2^1024 ulps) are +Infinity.
 */
public final class UlpError {
    private UlpError() {
    }

    /** ulp of an exact value that is a double (exactly representable), as the dtype sees it. */
    public static double ulp(double x, DType dtype) {
        if (x == 0) {
            return Math.scalb(1.0, ulpExponent(dtype.minExponent(), dtype));
        }
        int e = Math.getExponent(normalize(x)) + (Math.abs(x) < Double.MIN_NORMAL ? -64 : 0);
        return Math.scalb(1.0, ulpExponent(e, dtype));
    }

    /** Ulp error of a computed value against an exact value held in a double. */
    public static double of(double computed, double exact, DType dtype) {
        return of(computed, exact, 0.0, 0, dtype);
    }

    public static double of(double computed, ExactValue exact, DType dtype) {
        return of(computed, exact.hi(), exact.lo(), exact.scale(), dtype);
    }

    /**
     * Ulp error of computed against the exact value (hi + lo) * 2^scale; NaN when exactly one of
     * them is NaN, 0 when both are, 0 for a matching infinity against an infinite exact value.
     */
    public static double of(double computed, double hi, double lo, int scale, DType dtype) {
        boolean cNaN = Double.isNaN(computed);
        if (Double.isNaN(hi) || cNaN) {
            return Double.isNaN(hi) && cNaN ? 0.0 : Double.NaN;
        }
        if (Double.isInfinite(hi)) {
            return computed == hi ? 0.0 : Double.POSITIVE_INFINITY;
        }
        int ulpExp;
        if (hi == 0) {
            ulpExp = ulpExponent(Integer.MIN_VALUE / 2, dtype);
        } else {
            double h = normalize(hi);
            int e = Math.getExponent(h) + (Math.abs(hi) < Double.MIN_NORMAL ? -64 : 0);
            // hi is a power of two and lo pulls the value below it: one binade lower.
            if (Math.abs(h) == PowersOfTwo.pow2(Math.getExponent(h)) && lo != 0 && Math.signum(lo) != Math.signum(hi)) {
                e--;
            }
            ulpExp = ulpExponent((long) e + scale, dtype);
        }
        double c = Double.isInfinite(computed)
                ? Math.copySign(PowersOfTwo.scalb(1.0, dtype.maxExponent() + 1 - ulpExp), computed)
                : PowersOfTwo.scalb(computed, -ulpExp);
        double b = scalbLong(hi, (long) scale - ulpExp);
        double b2 = scalbLong(lo, (long) scale - ulpExp);
        // c and b are within a factor 2 whenever the error is small, so c - b is exact (Sterbenz).
        return Math.abs((c - b) - b2);
    }

    /** Exponent of the ulp for a value whose binade exponent is e. */
    static int ulpExponent(long e, DType dtype) {
        long clamped = Math.min(Math.max(e, dtype.minExponent()), dtype.maxExponent());
        return (int) clamped - dtype.precision() + 1;
    }

    private static double normalize(double x) {
        return Math.abs(x) < Double.MIN_NORMAL ? x * 0x1p64 : x;
    }

    private static double scalbLong(double x, long n) {
        return PowersOfTwo.scalb(x, (int) Math.max(-4000, Math.min(4000, n)));
    }
}
