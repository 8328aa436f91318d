package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FdlibmExpm1 gives StrictMath.expm1's bits (the JVM's fdlibm, the oracle here) at every argument
 * tried: the boundaries of each of its paths, a stride through every double of its range, random
 * doubles, the arguments 2a that tanh's first pass gives it for float32 a, and arguments outside
 * its range (which it hands to StrictMath). When it was written, every float32 a in [0, 0.55] was
 * compared at 2a (1,057,803,470 arguments): no difference.
 */
class FdlibmExpm1Test {
    private static void assertSameBits(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.expm1(x)), Double.doubleToRawLongBits(FdlibmExpm1.expm1(x)),
                () -> "expm1(" + x + ") = " + StrictMath.expm1(x) + " by StrictMath, " + FdlibmExpm1.expm1(x) + " here");
    }

    /** Every double whose high word is {@code high}'s, give or take {@code around} high words, at a few low words. */
    private static void aroundHighWord(int high, int around) {
        for (int h = high - around; h <= high + around; h++) {
            for (long low : new long[] {0, 1, 0x35793c76L, 0x7fffffffL, 0xfffffffeL, 0xffffffffL}) {
                double x = Double.longBitsToDouble(((long) h << 32) | low);
                assertSameBits(x);
                assertSameBits(Math.nextUp(x));
                assertSameBits(Math.nextDown(x));
            }
        }
    }

    @Test
    void atTheBoundariesOfEachPath() {
        aroundHighWord(0x3c900000, 3); // 2^-54: below it x itself
        aroundHighWord(0x3fd62e42, 3); // 0.5 ln 2: k = 0 below, 1 above
        aroundHighWord(0x3ff0a2b2, 3); // 1.5 ln 2: k = 1 below, 2 above
        aroundHighWord(0x3ff80000, 3); // 1.5, the limit: StrictMath itself from there on
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-149, 0x1p-126, 0.5 * Math.log(2),
                1.5 * Math.log(2), Math.log(2), 0.25, 0.5, 1.0, 1.1, Math.nextDown(1.5), 1.5}) {
            assertSameBits(x);
        }
    }

    @Test
    void outsideItsRangeItIsStrictMathItself() {
        for (double x : new double[] {-0x1p-60, -0.1, -0.3, -1, -2, -40, -1000, 2, 10, 56 * Math.log(2), 709.78, 710, 1e300,
                Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            assertSameBits(x);
        }
    }

    @Test
    void overAStrideOfEveryDoubleInItsRange() {
        long end = Double.doubleToRawLongBits(FdlibmExpm1.LIMIT);
        long step = end / 3_000_000 | 1;
        for (long bits = 0; bits < end; bits += step) {
            assertSameBits(Double.longBitsToDouble(bits));
        }
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 1_000_000; i++) {
            assertSameBits(random.nextDouble(0, FdlibmExpm1.LIMIT));
        }
    }

    @Test
    void atTwiceEveryHundredthFloat32BelowTanhsThreshold() {
        int end = Float.floatToRawIntBits(0.55f);
        for (int bits = 0; bits <= end; bits += 101) {
            assertSameBits(2.0 * Float.intBitsToFloat(bits));
        }
    }
}
