package io.github.opcompare.engine.reference;

/**
 * x = j π/2 + r for sin and cos: Cody and Waite's reduction with π/2 split into four doubles where it
 * is exact enough, {@link PayneHanek} elsewhere. u = 2^-53.
 *
 * <p>For π/4 < x < 2^19, j = rint(x · 2/π) < 2^19 and π/2 = P1 + P2 + P3 + P4 + δ with P1 and P2 of
 * 33 significant bits, |P3| < 2^-64, |P4| < 2^-117, |δ| < 2^-170 ({@link DoubleDoubleTables}):
 * <ul>
 * <li>j P1 and j P2 are exact (19 + 33 bits); x - j P1 is exact: x ≥ π/4 is a multiple of 2^-53,
 * j P1 one of 2^-32, and |x - j P1| ≤ |r| + j |π/2 - P1| < 0.79 + 2^-13 < 1, a multiple of 2^-53 below
 * 1, so a double;</li>
 * <li>(x - j P1) - j P2 is an exact pair (TwoSum), j P3 an exact pair (TwoProduct), their difference
 * a double-double within 3u² of r + j (P4 + δ);</li>
 * <li>adding -j P4 (rounded: below 2^19 · 2^-117 · 2^-53 = 2^-151) within 2u², and j δ < 2^-151.</li>
 * </ul>
 * So r carries a relative error below 5u² + 2^-150/|r|, under 2^-103 where |r| ≥ 2^-40. Nearer to
 * a multiple of π/2, and for x ≥ 2^19, Payne and Hanek's exact reduction takes over (relative 2^-200).
 */
final class TrigReduction {
    private static final double TWO_OVER_PI = 2 / Math.PI;
    private static final double CODY_WAITE_LIMIT = 0x1p19;
    private static final double SMALLEST_R = 0x1p-40;

    private TrigReduction() {
    }

    /** Reduces a finite x ≥ 0 into r (|r| ≤ π/4 (1 + 2^-30), either sign); returns j mod 4. */
    static int reduce(double x, DoubleDoubleAccumulator r) {
        if (x <= Math.PI / 4) {
            r.set(x, 0);
            return 0;
        }
        if (x < CODY_WAITE_LIMIT) {
            double j = Math.rint(x * TWO_OVER_PI);
            double t = x - j * DoubleDoubleTables.SinCos.PIO2_1;
            double b = -j * DoubleDoubleTables.SinCos.PIO2_2;
            // TwoSum(t, b), then minus TwoProduct(j, P3), then minus j P4.
            double ph = -j * DoubleDoubleTables.SinCos.PIO2_3;
            double pl = Math.fma(-j, DoubleDoubleTables.SinCos.PIO2_3, -ph);
            r.setTwoSum(t, b).add(ph, pl).add(-j * DoubleDoubleTables.SinCos.PIO2_4);
            if (Math.abs(r.hi) >= SMALLEST_R) {
                return (int) j & 3;
            }
        }
        PayneHanek.Reduced red = PayneHanek.reduce(x);
        r.set(red.r());
        return red.quadrant();
    }
}
