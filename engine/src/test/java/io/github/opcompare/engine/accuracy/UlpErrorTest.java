package io.github.opcompare.engine.accuracy;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.reference.ExactValue;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand in the comments, from the definition ulp(x) = 2^(e-p+1). */
class UlpErrorTest {
    @Test
    void designExampleSqrtOfOneAsPointNineNineNine() {
        // 0.99999994f = 1 - 2^-24; exact 1 has ulp 2^-23: error 2^-24 / 2^-23 = 0.5, one step away.
        assertEquals(1 - 0x1p-24, (double) 0.99999994f);
        assertEquals(0.5, UlpError.of(0.99999994f, 1.0, FLOAT32));
        assertEquals(1, Steps.between(0.99999994f, 1.0, FLOAT32));
    }

    @Test
    void ulpOfBinadeEdgesSubnormalsAndMax() {
        assertEquals(0x1p-23, UlpError.ulp(1.0, FLOAT32));
        assertEquals(0x1p-24, UlpError.ulp(0.99999994f, FLOAT32));
        assertEquals(0x1p-52, UlpError.ulp(1.0, FLOAT64));
        assertEquals(0x1p-149, UlpError.ulp(0x1p-140, FLOAT32));
        assertEquals(0x1p-149, UlpError.ulp(0x1p-126, FLOAT32));
        assertEquals(0x1p-149, UlpError.ulp(0.0, FLOAT32));
        assertEquals(0x1p-1074, UlpError.ulp(Double.MIN_VALUE, FLOAT64));
        assertEquals(0x1p-1074, UlpError.ulp(Double.MIN_NORMAL, FLOAT64));
        assertEquals(0x1p104, UlpError.ulp(Float.MAX_VALUE, FLOAT32));
        // At and beyond 2^128 the top binade's ulp stays.
        assertEquals(0x1p104, UlpError.ulp(0x1p130, FLOAT32));
        assertEquals(0x1p971, UlpError.ulp(Double.MAX_VALUE, FLOAT64));
    }

    @Test
    void errorsAgainstExactValues() {
        // 1 + 2^-23 against 1: one full ulp.
        assertEquals(1.0, UlpError.of(1 + 0x1p-23, 1.0, FLOAT32));
        // 1.5 + 2^-22 against 1.5: two ulps of 2^-23.
        assertEquals(2.0, UlpError.of(1.5 + 0x1p-22, 1.5, FLOAT32));
        // Subnormals: spacing 2^-149 everywhere below 2^-126.
        assertEquals(1.0, UlpError.of(4 * 0x1p-149, 3 * 0x1p-149, FLOAT32));
        assertEquals(1.0, UlpError.of(0x1p-130 + 0x1p-149, 0x1p-130, FLOAT32));
        assertEquals(1.0, UlpError.of(Math.nextDown(Double.MIN_NORMAL), Double.MIN_NORMAL, FLOAT64));
        // Zero: -0 against 0 is no error; the smallest subnormal is one ulp.
        assertEquals(0.0, UlpError.of(-0.0, 0.0, FLOAT64));
        assertEquals(1.0, UlpError.of(Float.MIN_VALUE, -0.0, FLOAT32));
        // A half-way exact value 1 + 2^-24 (float32): both neighbours are 0.5 ulp away.
        assertEquals(0.5, UlpError.of(1.0, 1 + 0x1p-24, FLOAT32));
        assertEquals(0.5, UlpError.of(1 + 0x1p-23, 1 + 0x1p-24, FLOAT32));
    }

    @Test
    void infinityCountsAsTwoToTheEmaxPlusOne() {
        // Float.MAX_VALUE = 2^128 - 2^104: Infinity (as 2^128) is 2^104 = one ulp away.
        assertEquals(1.0, UlpError.of(Double.POSITIVE_INFINITY, Float.MAX_VALUE, FLOAT32));
        // exact 2^128 + 2^104 (beyond range, top-binade ulp 2^104): Infinity as 2^128 is 1 ulp off.
        assertEquals(1.0, UlpError.of(Double.POSITIVE_INFINITY, 0x1p128 + 0x1p104, FLOAT32));
        // float64: exact 1.5 * 2^1023 (scale keeps it exact); Infinity = 2^1024 is 2^1022 away; ulp 2^971.
        assertEquals(0x1p51, UlpError.of(Double.POSITIVE_INFINITY, new ExactValue(1.5, 0, 1023), FLOAT64));
        // exact beyond the range, 1.25 * 2^1024: |2^1024 - 1.25*2^1024| / 2^971 = 2^51.
        assertEquals(0x1p51, UlpError.of(Double.POSITIVE_INFINITY, new ExactValue(1.25, 0, 1024), FLOAT64));
    }

    @Test
    void nanAndPoles() {
        assertTrue(Double.isNaN(UlpError.of(Double.NaN, 1.0, FLOAT32)));
        assertTrue(Double.isNaN(UlpError.of(1.0, Double.NaN, FLOAT32)));
        assertEquals(0.0, UlpError.of(Double.NaN, Double.NaN, FLOAT64));
        assertEquals(0.0, UlpError.of(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, FLOAT64));
        assertEquals(Double.POSITIVE_INFINITY, UlpError.of(-Double.MAX_VALUE, Double.NEGATIVE_INFINITY, FLOAT64));
    }

    @Test
    void lowPartOfTheExactValueCounts() {
        // exact 1 - 2^-60 lies in the binade below 1 (ulp 2^-53); computed 1 is 2^-60 away: 2^-7 ulp.
        assertEquals(0x1p-7, UlpError.of(1.0, new ExactValue(1.0, -0x1p-60, 0), FLOAT64));
        // exact 1 + 2^-60 stays in 1's binade (ulp 2^-52): 2^-8.
        assertEquals(0x1p-8, UlpError.of(1.0, new ExactValue(1.0, 0x1p-60, 0), FLOAT64));
        // A scaled exact value below the normal range: (1 + 2^-60) * 2^-1070 is 16 subnormal ulps;
        // computed 2^-1070 is off by 2^-1130 = 2^-56 ulp.
        assertEquals(0x1p-56, UlpError.of(0x1p-1070, new ExactValue(1.0, 0x1p-60, -1070), FLOAT64));
    }
}
