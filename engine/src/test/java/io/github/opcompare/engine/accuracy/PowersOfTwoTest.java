package io.github.opcompare.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast scalb against the JDK's Math.scalb, bit for bit, where rounding and range are hardest. */
class PowersOfTwoTest {
    @Test
    void powersOfTwoAreTheNormalOnes() {
        assertEquals(1.0, PowersOfTwo.pow2(0));
        assertEquals(0x1p-1022, PowersOfTwo.pow2(-1022));
        assertEquals(0x1p1023, PowersOfTwo.pow2(1023));
        assertEquals(0.125, PowersOfTwo.pow2(-3));
    }

    @Test
    void sameDoubleAsMathScalbEverywhere() {
        SplittableRandom random = new SplittableRandom(19);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.5, 0x1.fffffffffffffp-1,
            0x1.0000000000001p0, 0x1.8p-1070};
        int[] exponents = {0, 1, -1, 52, -52, 1023, -1022, 1024, -1023, -1074, -1075, 2000, -2000, 4000, -4000,
            Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (double x : special) {
            for (int n : exponents) {
                check(x, n);
            }
        }
        for (int i = 0; i < 2_000_000; i++) {
            // Any bit pattern, and exponents that push results across the subnormal and overflow edges.
            double x = Double.longBitsToDouble(random.nextLong());
            int n = random.nextInt(-2200, 2200);
            check(x, n);
            // Results just below the normal range: where a second rounding would show.
            double y = Double.longBitsToDouble(random.nextLong(0x0010000000000000L, 0x7fefffffffffffffL));
            check(y, -Math.getExponent(y) - 1022 - random.nextInt(0, 60));
        }
    }

    @Test
    void sameDoubleAsMathScalbBeyondTheNormalPowers() {
        // Exponents from 1024 to 2098 and from -2099 to -1023, done in steps: halfway cases at the
        // bottom of the subnormals (1·2^-1075 ties to 0, 1.5·2^-1075 and 3·2^-1076 round up to
        // 2^-1074), and results on either side of the least normal and the overflow threshold.
        double[] xs = {1.0, 1.5, 3.0, 0x1.fffffffffffffp0, 0x1p1023, 0x1.8p1023, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.MIN_NORMAL, 0x1.0000000000001p-1022, 0x0.8p-1022, -1.5, -0x1p-1074};
        for (double x : xs) {
            for (int n = 1020; n <= 2102; n++) {
                check(x, n);
                check(x, -n);
            }
            for (int n = -1074 - 60; n <= -1074 + 60; n++) {
                check(x, n - Math.getExponent(x));
            }
        }
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 2_000_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            check(x, random.nextInt(1024, 2099) * (random.nextBoolean() ? 1 : -1) - (random.nextBoolean() ? 0 : 1));
            // Results landing in the subnormals from far above: the one rounding is the last step's.
            double y = Double.longBitsToDouble(random.nextLong(0x0010000000000000L, 0x7fefffffffffffffL));
            check(y, -Math.getExponent(y) - 1023 - random.nextInt(0, 56));
        }
    }

    private static void check(double x, int n) {
        assertEquals(Double.doubleToRawLongBits(Math.scalb(x, n)) == Double.doubleToRawLongBits(PowersOfTwo.scalb(x, n))
                || (Double.isNaN(x)), true, x + " * 2^" + n + ": " + Math.scalb(x, n) + " vs " + PowersOfTwo.scalb(x, n));
    }
}
