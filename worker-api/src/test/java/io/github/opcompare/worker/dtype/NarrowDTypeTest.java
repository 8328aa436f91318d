package io.github.opcompare.worker.dtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * float16 and bfloat16: limits from the formats' definitions, rounding checked against the
 * definition of round-to-nearest-even, and text that reads back exactly.
 */
class NarrowDTypeTest {
    private static final DType HALF = DType.FLOAT16;
    private static final DType BF16 = DType.BFLOAT16;

    @Test
    void limitsFollowFromPrecisionAndExponentRange() {
        // binary16: (2 - 2^-10) * 2^15 = 65504, 2^-14, 2^-24 (IEEE 754-2019 table 3.5).
        assertEquals(65504.0, HALF.maxValue());
        assertEquals(0x1p-14, HALF.minNormal());
        assertEquals(0x1p-24, HALF.minSubnormal());
        // bfloat16: (2 - 2^-7) * 2^127, float32's 2^-126, and 2^-133 for the smallest subnormal.
        assertEquals(0x1.fep127, BF16.maxValue());
        assertEquals(0x1p-126, BF16.minNormal());
        assertEquals(0x1p-133, BF16.minSubnormal());
        assertEquals(Float.MAX_VALUE, DType.FLOAT32.maxValue());
        assertEquals(Double.MAX_VALUE, DType.FLOAT64.maxValue());
        assertEquals(Float.MIN_VALUE, DType.FLOAT32.minSubnormal());
    }

    @Test
    void roundsToNearestWithTiesToEven() {
        // float16 spacing at 1 is 2^-10: 1 + 2^-11 is a tie between 1 (even) and 1 + 2^-10 (odd).
        assertEquals(1.0, HALF.round(1 + 0x1p-11));
        assertEquals(1 + 0x1p-9, HALF.round(1 + 0x1p-10 + 0x1p-11)); // tie between odd and even: up
        assertEquals(1 + 0x1p-10, HALF.round(1 + 0x1p-11 + 0x1p-30)); // just above the tie
        // 65504 + 16 = 65520 is the tie between 65504 and 2^16: ties to even go to infinity.
        assertEquals(Double.POSITIVE_INFINITY, HALF.round(65520));
        assertEquals(65504.0, HALF.round(65519.99));
        assertEquals(Double.NEGATIVE_INFINITY, HALF.round(-1e5));
        // Gradual underflow: 3 * 2^-26 lies between 0 and 2^-24, nearer 2^-24; 2^-25 is a tie, to 0.
        assertEquals(0x1p-24, HALF.round(3 * 0x1p-26));
        assertEquals(0.0, HALF.round(0x1p-25));
        assertEquals(-0.0, HALF.round(-0x1p-26));
        assertEquals(1.0 / HALF.round(-0x1p-26), Double.NEGATIVE_INFINITY); // the sign of zero survives
        // bfloat16 keeps 8 bits: 1 + 2^-8 is a tie to 1; 1 + 2^-8 + 2^-9 rounds up to 1 + 2^-7.
        assertEquals(1.0, BF16.round(1 + 0x1p-8));
        assertEquals(1 + 0x1p-7, BF16.round(1 + 0x1p-8 + 0x1p-9));
        assertEquals(1e38, BF16.round(1e38), 1e38 * 0x1p-8);
        assertTrue(Double.isNaN(HALF.round(Double.NaN)));
    }

    @Test
    void roundingAgreesWithTheDefinitionOnEveryHalfNeighbourhood() {
        // For each pair of neighbouring float16 values a < b: the midpoint goes to the even one, a
        // point just below it to a, just above it to b.
        for (int bits = 0; bits < 0x7bff; bits++) {
            double a = HalfBits.toDouble(bits);
            double b = HalfBits.toDouble(bits + 1);
            double mid = (a + b) / 2;
            assertEquals((bits & 1) == 0 ? a : b, HALF.round(mid), "tie at " + mid);
            assertEquals(a, HALF.round(Math.nextDown(mid)));
            assertEquals(b, HALF.round(Math.nextUp(mid)));
            assertEquals(a, HALF.round(a));
        }
    }

    @Test
    void encodingMatchesTheFormats() {
        assertEquals(0x3c00, HALF.encode(1.0));
        assertEquals(0xc000, HALF.encode(-2.0));
        assertEquals(0x7bff, HALF.encode(65504));
        assertEquals(0x8000, HALF.encode(-0.0));
        assertEquals(0x7c00, HALF.encode(Double.POSITIVE_INFINITY));
        // bfloat16 1.0 is float32 0x3f800000's top half; -2 is 0xc0000000's.
        assertEquals(0x3f80, BF16.encode(1.0));
        assertEquals(0xc000, BF16.encode(-2.0));
        assertEquals(0x7f7f, BF16.encode(BF16.maxValue()));
        assertEquals(0x0001, BF16.encode(0x1p-133));
        assertEquals(0x8000, BF16.encode(-0.0));
        assertEquals(1.0, BF16.decode(0x3f80));
        assertEquals(-0x1p-133, BF16.decode(0x8001));
        for (int bits = 0; bits < 0x10000; bits++) {
            double v = BF16.decode(bits);
            if (!Double.isNaN(v)) {
                assertEquals(bits, BF16.encode(v), "bfloat16 bits " + Integer.toHexString(bits));
            }
            double h = HALF.decode(bits);
            if (!Double.isNaN(h)) {
                assertEquals(bits, HALF.encode(h), "float16 bits " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void textIsShortAndReadsBackToTheSameValueForEveryValue() {
        assertEquals("0.1", HALF.format(HALF.round(0.1)));
        // Spacing at the top is 32, so 65500 already reads back as 65504 (NumPy prints it the same way).
        assertEquals("65500.0", HALF.format(65504));
        assertEquals("2050.0", HALF.format(2050)); // spacing 2 in [2048, 4096): 2050 needs all four digits

        assertEquals("6.0E-8", HALF.format(0x1p-24));
        assertEquals("-0.0", HALF.format(-0.0));
        assertEquals("1.0", BF16.format(1.0));
        assertEquals("3.39E38", BF16.format(BF16.maxValue())); // 0x1.fep127 = 3.3895...e38
        assertEquals("NaN", BF16.format(Double.NaN));
        for (DType d : new DType[] {HALF, BF16}) {
            for (int bits = 0; bits < 0x10000; bits++) {
                double v = d.decode(bits);
                if (Double.isNaN(v)) {
                    continue;
                }
                String text = d.format(v);
                assertEquals(v, d.parse(text), d + " " + text);
                assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(d.parse(text)), text);
            }
        }
    }

    @Test
    void parsingRoundsTheDecimalOnceEvenWhereItsNearestDoubleIsAMidpoint() {
        // 1 + 2^-11 is a float16 tie (goes to 1); a decimal a hair above it must go up, although
        // its nearest double is the tie itself.
        BigDecimal tie = new BigDecimal(1 + 0x1p-11);
        String above = tie.add(new BigDecimal("1e-30")).toPlainString();
        String below = tie.subtract(new BigDecimal("1e-30")).toPlainString();
        assertEquals(1 + 0x1p-11, Double.parseDouble(above));
        assertEquals(1 + 0x1p-10, HALF.parse(above));
        assertEquals(1.0, HALF.parse(below));
        assertEquals(1.0, HALF.parse(tie.toPlainString()));
        assertEquals(65504.0, HALF.parse("65504"));
        assertEquals(Double.POSITIVE_INFINITY, HALF.parse("65520"));
        assertEquals(1.0, HALF.parse("1.0f"));
    }
}
