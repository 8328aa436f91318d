package io.github.opcompare.engine.reference;

/** Double-double tan, 1/sqrt and cbrt (bounds per function; u = 2^-53). */
final class DoubleDoubleTrigRoots {
    private DoubleDoubleTrigRoots() {
    }

    /**
     * tan x for finite x: one reduction ({@link TrigReduction}, relative 2^-103), then sin r / cos r
     * from the table kernels of sin and cos (2^-97.5 each, relative, also near their zeros) and one
     * division (15u²). Bound 2^-79.
     */
    static DoubleDouble tan(double x) {
        DoubleDoubleAccumulator r = new DoubleDoubleAccumulator();
        int quadrant = TrigReduction.reduce(Math.abs(x), r);
        DoubleDouble reduced = r.toDoubleDouble();
        DoubleDouble s = DoubleDoubleMath.sinKernel(reduced);
        DoubleDouble c = DoubleDoubleMath.cosKernel(reduced);
        // tan(r + jπ/2) is tan r for even j and -cot r for odd j.
        DoubleDouble t = (quadrant & 1) == 0 ? s.div(c) : c.div(s).negate();
        return x < 0 ? t.negate() : t;
    }

    /**
     * 1/sqrt(x) for finite x > 0: x = m 4^k with m in [1, 4); sqrt(m) = r + (m - r²)/(2r) with the
     * remainder exact by fma, within 2^-105; one double-double division (15u²). Bound 2^-100.
     */
    static ExactValue rsqrt(double x) {
        int shift = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p64;
            shift = -64;
        }
        int e = Math.getExponent(x);
        if ((e & 1) != 0) {
            e -= 1;
        }
        double m = Math.scalb(x, -e);
        double r = Math.sqrt(m);
        double rem = Math.fma(-r, r, m);
        DoubleDouble s = DoubleDouble.twoSum(r, rem / (2 * r));
        return ExactValue.of(DoubleDouble.ONE.div(s), -(e + shift) / 2);
    }

    /**
     * cbrt x for finite nonzero x: x = m 8^k with m in [1, 8), one Newton step from y0 =
     * StrictMath.cbrt(m): y = y0 - (y0³ - m)/(3y0²). y0 is within 2^-52 relative, so the step
     * leaves 2^-103; y0³ is formed from the exact y0² (TwoProduct) times y0 (2u²), an absolute 2^-100
     * on a residual divided by 3y0² ≥ 3. Bound 2^-96.
     */
    static ExactValue cbrt(double x) {
        double a = Math.abs(x);
        int shift = 0;
        if (a < Double.MIN_NORMAL) {
            a *= 0x1p66;
            shift = -66;
        }
        int e = Math.getExponent(a);
        int k = Math.floorDiv(e, 3);
        double m = Math.scalb(a, -3 * k);
        double y0 = StrictMath.cbrt(m);
        DoubleDouble cube = DoubleDouble.twoProduct(y0, y0).mul(y0);
        DoubleDouble residual = cube.add(-m);
        DoubleDouble step = residual.div(DoubleDouble.twoProduct(y0, y0).mul(3.0));
        DoubleDouble y = DoubleDouble.of(y0).sub(step);
        ExactValue v = ExactValue.of(y, k + shift / 3);
        return x < 0 ? new ExactValue(-v.hi(), -v.lo(), v.scale()) : v;
    }
}
