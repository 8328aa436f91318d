package io.github.opcompare.engine.reference;

/**
 * Double-double atan, asin, acos and atan2, all through one kernel: the angle atan(n/d) of a point
 * (d, n) in the first quadrant, by one Newton step on tan from the double-precision arctangent,
 * with tan taken as the ratio of {@link DoubleDoubleMath}'s sin and cos kernels (no argument
 * reduction: the angle is at most π/4). Bounds in u = 2^-53; T = 2^-88 bounds the relative error
 * of those kernels on |r| ≤ π/4 (derived in {@link DoubleDoubleMath}: 2^-97.5).
 */
final class DoubleDoubleInverseTrig {
    /** Beyond this ratio atan(r) = π/2 - 1/r + 1/(3r³) - ...: the cubic term is below 2^-181. */
    private static final double HUGE_RATIO = 0x1p60;

    private DoubleDoubleInverseTrig() {
    }

    /**
     * atan r for a double-double 0 < r ≤ 1 (r above 2^-900). y0 = StrictMath.atan(r.hi), s = sin y0,
     * c = cos y0 (the kernels, y0 ≤ π/4, relative T each). Exactly, atan r = y0 + atan δ with
     * δ = (r - tan y0)/(1 + r tan y0) = (r c - s)/(c + r s).
     *
     * <p>Error: r c and s agree to about 2^-51, so the numerator cancels, but its absolute error is
     * that of its terms, (2T + 5u²) s. The denominator is c + r s ≈ 1/c, positive terms, relative
     * T + 7u². δ's absolute error is therefore at most (2T + 5u²) s c (1 + 2^-40) ≤ (2T + 5u²) y0,
     * as s c = sin(2y0)/2 ≤ y0; relative to the result (≥ y0 (1 - 2^-50)) that is 2T + 5u², plus
     * the division's 15u² on δ (which is 2^-50 of the result) and the final sums' 3u² each.
     * atan δ = δ - δ³/3 + δ⁵/5: δ is within 2^-50 y0 as long as the seed is within Java's specified
     * 1 ulp, so δ⁵ is out of reach; δ³/3 is added anyway so that a poorer seed would only cost time.
     * Total 2T + 12u² < 2^-86.9.
     */
    static DoubleDouble atanKernel(DoubleDouble r) {
        double y0 = StrictMath.atan(r.hi());
        DoubleDouble y = DoubleDouble.of(y0);
        DoubleDouble s = DoubleDoubleMath.sinKernel(y);
        DoubleDouble c = DoubleDoubleMath.cosKernel(y);
        DoubleDouble delta = r.mul(c).sub(s).div(c.add(r.mul(s)));
        double d = delta.hi();
        return delta.add(-d * d * d / 3).add(y0);
    }

    /**
     * atan(n/d) in (0, π/2) for positive double-doubles n and d whose ratio lies in [2^-900, 2^900]:
     * the kernel on the ratio that is at most 1, else π/2 minus the kernel on its inverse (which is
     * at most π/4, so the difference is at least π/4 and the kernel's absolute error is at most its
     * relative bound of the result). The ratio's 15u² moves atan by at most as much relative
     * (r/((1 + r²) atan r) ≤ 1), the constant π/2 is within 2^-106. Bound 2T + 30u² < 2^-86.8.
     */
    static DoubleDouble angle(DoubleDouble n, DoubleDouble d) {
        if (n.hi() <= d.hi()) {
            return atanKernel(n.div(d));
        }
        return Constants.PI_OVER_2.sub(atanKernel(d.div(n)));
    }

    /**
     * atan x for finite x with |x| ≥ 2^-500 (smaller x are settled as x). Up to 2^60 {@link #angle};
     * beyond, π/2 - 1/|x|, the dropped 1/(3|x|³) being 2^-181 of the result. Bound 2^-86.8.
     */
    static DoubleDouble atan(double x) {
        double a = Math.abs(x);
        DoubleDouble t = a < HUGE_RATIO ? angle(DoubleDouble.of(a), DoubleDouble.ONE)
                : Constants.PI_OVER_2.sub(DoubleDouble.ONE.div(a));
        return x < 0 ? t.negate() : t;
    }

    /**
     * asin x for 2^-500 ≤ |x| < 1: angle(|x|, √(1 - x²)). 1 - x² is formed as 1 - x² from the exact
     * square below 1/2 (3u², result ≥ 3/4) and as (1 - |x|)(1 + |x|) above (1 - |x| exact by
     * Sterbenz, 1 + |x| an exact pair, product 2u²); the square root halves that and adds 7u²
     * ({@link DoubleDouble#sqrt()}). The ratio's relative error passes to atan with a factor at most
     * 1. Bound 2^-86.8 + 9u² < 2^-86.7.
     */
    static DoubleDouble asin(double x) {
        double a = Math.abs(x);
        DoubleDouble t = angle(DoubleDouble.of(a), cosine(a));
        return x < 0 ? t.negate() : t;
    }

    /**
     * acos x for 0 < |x| < 1: angle(√(1 - x²), |x|) for x > 0, π minus it for x < 0 (at least π/2,
     * so no cancellation: an absolute error of at most π/2 times the relative bound stays relative).
     * Bound 2^-86.7, as asin.
     */
    static DoubleDouble acos(double x) {
        double a = Math.abs(x);
        DoubleDouble t = angle(cosine(a), DoubleDouble.of(a));
        return x > 0 ? t : Constants.PI_OVER_2.scalb(1).sub(t);
    }

    /**
     * atan2(n, d), the angle of the point (d, n), for finite nonzero n and d. Both are split into a
     * significand and a power of two (exact), so that no ratio under- or overflows:
     * <ul>
     *   <li>ratio below 2^-60: atan r = r(1 - r²/3 + ...) = r to 2^-119, the ratio a pair with a scale
     *       (the result may lie far below the normal range); for d < 0 the angle is π - r;</li>
     *   <li>ratio above 2^60: π/2 ∓ 1/r to 2^-181;</li>
     *   <li>otherwise {@link #angle} on the significands scaled back together (exact), then π - θ
     *       for d < 0 (θ ≤ π/2, so the difference is at least π/2 and keeps θ's relative bound).</li>
     * </ul>
     * The sign is n's. Bound 2^-86.8.
     */
    static ExactValue atan2(double n, double d) {
        double a = Math.abs(n);
        double b = Math.abs(d);
        int ea = Math.getExponent(a);
        int eb = Math.getExponent(b);
        // Exact: a subnormal's exponent reads as -1023 and its scaled significand lies in [2^-52, 1).
        double ma = Math.scalb(a, -ea);
        double mb = Math.scalb(b, -eb);
        int diff = ea - eb;
        boolean left = d < 0;
        ExactValue v;
        if (diff < -62) {
            DoubleDouble r = DoubleDouble.of(ma).div(mb);
            v = left ? ExactValue.of(Constants.PI_OVER_2.scalb(1).sub(scaled(r, diff)), 0) : ExactValue.of(r, diff);
        } else if (diff > 62) {
            DoubleDouble inverse = scaled(DoubleDouble.of(mb).div(ma), -diff);
            v = ExactValue.of(left ? Constants.PI_OVER_2.add(inverse) : Constants.PI_OVER_2.sub(inverse), 0);
        } else {
            DoubleDouble theta = angle(DoubleDouble.of(Math.scalb(ma, diff)), DoubleDouble.of(mb));
            v = ExactValue.of(left ? Constants.PI_OVER_2.scalb(1).sub(theta) : theta, 0);
        }
        return n < 0 ? new ExactValue(-v.hi(), -v.lo(), v.scale()) : v;
    }

    /** √(1 - a²) for 0 < a < 1, relative error below 9u² (see {@link #asin}). */
    static DoubleDouble cosine(double a) {
        DoubleDouble w = a < 0.5 ? DoubleDouble.ONE.sub(DoubleDouble.twoProduct(a, a))
                : DoubleDouble.twoSum(1.0, a).mul(1.0 - a);
        return w.sqrt();
    }

    /** r 2^k for a small result: any part that underflows loses at most 2^-1074, nothing beside π/2. */
    private static DoubleDouble scaled(DoubleDouble r, int k) {
        return new DoubleDouble(Math.scalb(r.hi(), k), Math.scalb(r.lo(), k));
    }
}
