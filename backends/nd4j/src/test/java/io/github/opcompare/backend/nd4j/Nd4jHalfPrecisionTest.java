package io.github.opcompare.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * float16 and bfloat16 through real ND4J (nd4j-native), on inputs whose exact results and their rounding
 * were worked out by hand: float16 has 11 significand bits (spacing 2^-10 in [1, 2)) and tops out at
 * 65504; bfloat16 has 8 (spacing 2^-7 in [1, 2)) and float32's exponent range.
 */
class Nd4jHalfPrecisionTest {
    @Test
    void float16RoundsToNearestEvenAndOverflowsAtTheMidpointAbove65504() throws Exception {
        // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties to even give 1.
        // 1 + 3 * 2^-11 lies halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even): 1 + 2^-9.
        // 65504 + 15 = 65519 is below the midpoint 65520 to 2^16: 65504.
        // 65504 + 32 = 65536 is past that midpoint: Infinity.
        double[] sum = run(Op.ADD, DType.FLOAT16,
                new double[] {1, 1, 65504, 65504, -0.5},
                new double[] {0x1p-11, 3 * 0x1p-11, 15, 32, 0.25});
        assertArrayEquals(new double[] {1, 1 + 0x1p-9, 65504, Double.POSITIVE_INFINITY, -0.25}, sum);
    }

    @Test
    void bfloat16RoundsToNearestEvenAndKeepsFloat32sRange() throws Exception {
        // 1 + 2^-8 is halfway between 1 and 1 + 2^-7: 1. 2^126 + 2^126 = 2^127 (about 1.7e38) is
        // finite in bfloat16, as in float32; 1.5 * 2^127 + 2^127 = 1.25 * 2^128 is not.
        double[] sum = run(Op.ADD, DType.BFLOAT16,
                new double[] {1, 0x1p126, 1.5 * 0x1p127, 3},
                new double[] {0x1p-8, 0x1p126, 0x1p127, 0.5});
        assertArrayEquals(new double[] {1, 0x1p127, Double.POSITIVE_INFINITY, 3.5}, sum);
    }

    @Test
    void sqrtExpMaximumAndReduceSumInBothFormats() throws Exception {
        for (DType dtype : List.of(DType.FLOAT16, DType.BFLOAT16)) {
            // sqrt(2) = 1.41421356...: 1448.15 steps of 2^-10 (float16), 181.02 steps of 2^-7
            // (bfloat16); both round down to 1.4140625.
            assertArrayEquals(new double[] {2, 0.5, 1.4140625, 0}, run(Op.SQRT, dtype, new double[] {4, 0.25, 2, 0}),
                    dtype.id());
            assertArrayEquals(new double[] {1}, run(Op.EXP, dtype, new double[] {0}), dtype.id());
            assertArrayEquals(new double[] {2, -0.5, 3},
                    run(Op.MAXIMUM, dtype, new double[] {1, -0.5, 3}, new double[] {2, -3, -4}), dtype.id());
            // Every partial sum is a small multiple of 0.5: exact in any order.
            assertArrayEquals(new double[] {10.5}, run(Op.REDUCE_SUM, dtype, new double[] {1, 2, 3, 4.5}), dtype.id());
        }
    }

    private static double[] run(Op op, DType dtype, double[]... operands) throws Exception {
        return LiveNd4j.run(op, dtype, operands);
    }
}
