package io.github.opcompare.engine.accuracy;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepsTest {
    @Test
    void countsRepresentableValues() {
        assertEquals(0, Steps.between(1.0, 1.0, FLOAT32));
        assertEquals(0, Steps.between(-0.0, 0.0, FLOAT32));
        assertEquals(0, Steps.between(0.0, -0.0, FLOAT64));
        assertEquals(1, Steps.between(1.0, 1 + 0x1p-23, FLOAT32));
        assertEquals(1, Steps.between(1.0, 1 + 0x1p-52, FLOAT64));
        // Across 1 going down the spacing halves: 1 - 2^-24 is the neighbour.
        assertEquals(2, Steps.between(1 + 0x1p-23, 1 - 0x1p-24, FLOAT32));
        // [1, 2) holds 2^23 float32 values.
        assertEquals(1L << 23, Steps.between(1.0, 2.0, FLOAT32));
        // -min subnormal, ±0, +min subnormal: two steps.
        assertEquals(2, Steps.between(-Float.MIN_VALUE, Float.MIN_VALUE, FLOAT32));
        // The subnormals plus zero below the smallest normal: 2^52 steps from 0 to 2^-1022.
        assertEquals(1L << 52, Steps.between(0.0, Double.MIN_NORMAL, FLOAT64));
        assertEquals(1, Steps.between(Float.MAX_VALUE, Double.POSITIVE_INFINITY, FLOAT32));
        assertEquals(1, Steps.between(Double.MAX_VALUE, Double.POSITIVE_INFINITY, FLOAT64));
        // Whole float32 line: 0x7f800000 on each side of zero.
        assertEquals(2L * 0x7f800000L, Steps.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, FLOAT32));
        // The float64 line is longer than a long counts: saturates.
        assertEquals(Long.MAX_VALUE, Steps.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, FLOAT64));
    }

    @Test
    void undefinedWithNaN() {
        assertEquals(Steps.UNDEFINED, Steps.between(Double.NaN, 1.0, FLOAT32));
        assertEquals(Steps.UNDEFINED, Steps.between(1.0, Double.NaN, FLOAT64));
    }
}
