package io.github.opcompare.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import org.junit.jupiter.api.Test;

class ExhaustiveDomainTest {
    private static ExhaustiveDomain parse(String expr) {
        return (ExhaustiveDomain) DomainParser.parse(expr);
    }

    @Test
    void everyFloat32IsTwoToTheThirtyTwoValuesTooManyForAnOrdinaryCase() {
        ExhaustiveDomain all = parse("exhaustive");
        assertEquals(1L << 32, all.count(DType.FLOAT32));
        assertEquals(-1, all.fixedLength(DType.FLOAT32));
        // First and last are the NaNs with every payload bit set: negative below -Infinity, positive above +Infinity.
        assertEquals(0xFFFFFFFF, ExhaustiveDomain.float32Bits(all.firstOrdinal(DType.FLOAT32)));
        assertEquals(0x7FFFFFFF, ExhaustiveDomain.float32Bits(all.lastOrdinal(DType.FLOAT32)));
    }

    @Test
    void consecutiveOrdinalsAreNeighbouringFloatsThroughBothZeros() {
        // Around zero: -MIN_VALUE, -0, +0, +MIN_VALUE, each bit pattern once.
        long minusZero = ExhaustiveDomain.ordinal(-0.0, DType.FLOAT32);
        assertEquals(0x80000000, ExhaustiveDomain.float32Bits(minusZero));
        assertEquals(0x80000001, ExhaustiveDomain.float32Bits(minusZero - 1));
        assertEquals(0x00000000, ExhaustiveDomain.float32Bits(minusZero + 1));
        assertEquals(0x00000001, ExhaustiveDomain.float32Bits(minusZero + 2));
        // Across a binade: the largest float below 2 and then 2.
        long belowTwo = ExhaustiveDomain.ordinal(Math.nextDown(2.0f), DType.FLOAT32);
        assertEquals(2.0, ExhaustiveDomain.valueOf(belowTwo + 1, DType.FLOAT32));
        assertEquals(Float.POSITIVE_INFINITY, ExhaustiveDomain.valueOf(ExhaustiveDomain.ordinal(Float.MAX_VALUE, DType.FLOAT32) + 1,
                DType.FLOAT32));
    }

    @Test
    void aRangeCountsItsFloatsByHand() {
        // [1, 2]: the 2^23 floats of the binade [1, 2) and 2 itself.
        assertEquals((1L << 23) + 1, parse("exhaustive(1,2)").count(DType.FLOAT32));
        // [-1, 1]: on each side the bit patterns 0x00000000 (a zero) to 0x3f800000 (1.0): both zeros in.
        assertEquals(2L * (0x3f800000L + 1), parse("exhaustive(-1,1)").count(DType.FLOAT32));
        assertEquals((int) (2L * (0x3f800000L + 1)), parse("exhaustive(-1,1)").fixedLength(DType.FLOAT32));
        // Bounds that are no float32: 0.1f lies above 0.1 and 0.2f above 0.2, so 0.1f is the first and
        // the float below 0.2f the last.
        assertTrue(0.1f > 0.1 && 0.2f > 0.2);
        long expected = Float.floatToIntBits(Math.nextDown(0.2f)) - Float.floatToIntBits(0.1f) + 1L;
        assertEquals(expected, parse("exhaustive(0.1,0.2)").count(DType.FLOAT32));
        // 1.5 + 1e-7 lies below 1.5 + 2^-23: only 1.5 itself.
        assertEquals(1, parse("exhaustive(1.5,1.5000001)").count(DType.FLOAT32));
    }

    @Test
    void generatesEveryValueInOrder() {
        Values v = parse("exhaustive(-1e-45,1e-45)").generate(DType.FLOAT32, Integer.MAX_VALUE, 0);
        // 1e-45 rounds to the smallest subnormal 2^-149 (1.4e-45), which lies above 1e-45: the range holds the zeros only.
        assertEquals(2, v.length());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v.get(0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(v.get(1)));

        Values w = parse("exhaustive(-1.5e-45,1.5e-45)").generate(DType.FLOAT32, Integer.MAX_VALUE, 0);
        assertEquals(4, w.length());
        assertEquals(-0x1p-149, w.get(0));
        assertEquals(0x1p-149, w.get(3));
    }

    @Test
    void float64RangesToo() {
        assertEquals((1L << 52) + 1, parse("exhaustive(1,2)").count(DType.FLOAT64));
        Values v = parse("exhaustive(1,1.0000000000000004)").generate(DType.FLOAT64, 10, 0);
        assertEquals(3, v.length());
        assertEquals(Math.nextUp(Math.nextUp(1.0)), v.get(2));
    }

    @Test
    void float64CountsPastALongSaturateInsteadOfWrappingToNone() {
        // All of float64 is 2^64 values and a range across both signs of large magnitudes more than
        // 2^63: neither fits a long. The count used to wrap to 0 ("holds no value"), which planned an
        // empty case that failed deep in the run; saturated, it is more than any case holds.
        assertEquals(Long.MAX_VALUE, parse("exhaustive").count(DType.FLOAT64));
        // 1e300 has the bit pattern 0x7e37e43c8800759c (IEEE 754 binary64, by Python's struct): 2 * that + 2
        // values from -1e300 to 1e300, both zeros in, 1.8e19 > 2^63.
        assertEquals(Long.MAX_VALUE, parse("exhaustive(-1e300,1e300)").count(DType.FLOAT64));
        // Below 2^63 the count is exact: 1e-300 has the bit pattern 0x01a56e1fc2f8f359.
        assertEquals(2 * 0x01a56e1fc2f8f359L + 2, parse("exhaustive(-1e-300,1e-300)").count(DType.FLOAT64));
        // A range between two neighbouring bfloat16 values (1 and 1 + 2^-7) holds none.
        assertEquals(0, parse("exhaustive(1.0001,1.0002)").count(DType.BFLOAT16));
    }

    @Test
    void badBoundsNameTheCulprit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainParser.parse("exhaustive(2,1)"));
        assertTrue(e.getMessage().startsWith("Cannot parse input domain 'exhaustive(2,1)' at column 12: lo must be less than hi, got lo=2.0, hi=1.0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DomainParser.parse("exhaustive(nan,1)"));
        assertTrue(e.getMessage().contains("NaN is no bound"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DomainParser.parse("exhaustive(1)"));
        assertTrue(e.getMessage().contains("exhaustive takes 2 argument(s), got 1"), e.getMessage());
    }
}
