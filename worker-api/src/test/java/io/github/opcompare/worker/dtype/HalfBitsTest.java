package io.github.opcompare.worker.dtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bit patterns derived by hand from IEEE 754 binary16: sign, 5 exponent bits (bias 15), 10 fraction bits. */
class HalfBitsTest {

    @Test
    void decodesHandDerivedPatterns() {
        assertEquals(1.0, HalfBits.toDouble(0x3c00));               // exponent 15 - 15 = 0, fraction 0
        assertEquals(-2.0, HalfBits.toDouble(0xc000));              // sign, exponent 16 - 15 = 1
        assertEquals(65504.0, HalfBits.toDouble(0x7bff));           // (2 - 2^-10) * 2^15, the largest finite
        assertEquals(0x1p-24, HalfBits.toDouble(0x0001));           // smallest subnormal: 2^-14 * 2^-10
        assertEquals(1023 * 0x1p-24, HalfBits.toDouble(0x03ff));    // largest subnormal
        assertEquals(0x1p-14, HalfBits.toDouble(0x0400));           // smallest normal
        assertEquals(0.333251953125, HalfBits.toDouble(0x3555));    // (1 + 341/1024) / 4 = 1365/4096
        assertEquals(Double.POSITIVE_INFINITY, HalfBits.toDouble(0x7c00));
        assertEquals(Double.NEGATIVE_INFINITY, HalfBits.toDouble(0xfc00));
        assertTrue(Double.isNaN(HalfBits.toDouble(0x7e00)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(HalfBits.toDouble(0x8000)));
    }

    @Test
    void encodesWithRoundToNearestEven() {
        assertEquals(0x3c00, HalfBits.fromDouble(1.0));
        assertEquals(0x3555, HalfBits.fromDouble(1.0 / 3));          // 1365.33/4096 rounds down
        assertEquals(0x3c00, HalfBits.fromDouble(1 + 0x1p-11));      // halfway between 1 and 1+2^-10: even is 1
        assertEquals(0x3c02, HalfBits.fromDouble(1 + 3 * 0x1p-11));  // halfway between fractions 1 and 2: even is 2
        assertEquals(0x7bff, HalfBits.fromDouble(65519.99));
        assertEquals(0x7c00, HalfBits.fromDouble(65520));            // halfway to 65536: even rounds to infinity
        assertEquals(0x0000, HalfBits.fromDouble(0x1p-25));          // halfway between 0 and 2^-24: even is 0
        assertEquals(0x0002, HalfBits.fromDouble(3 * 0x1p-25));      // 1.5 subnormal steps: even is 2
        assertEquals(0x0400, HalfBits.fromDouble(0x1p-14 - 0x1p-26)); // rounds up into the normal range
        assertEquals(0x8000, HalfBits.fromDouble(-0.0));
        assertEquals(0xfc00, HalfBits.fromDouble(Double.NEGATIVE_INFINITY));
        assertEquals(0x7e00, HalfBits.fromDouble(Double.NaN));
    }

    @Test
    void everyPatternRoundTrips() {
        for (int bits = 0; bits < 0x10000; bits++) {
            double v = HalfBits.toDouble(bits);
            if (!Double.isNaN(v)) {
                assertEquals(bits, HalfBits.fromDouble(v), Integer.toHexString(bits));
            }
        }
    }
}
