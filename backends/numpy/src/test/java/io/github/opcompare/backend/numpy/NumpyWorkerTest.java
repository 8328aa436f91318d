package io.github.opcompare.backend.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NumPy worker in float16, and the operand order and meaning of atan2 and mod, on values whose
 * results were worked out by hand (float16: 11 significand bits, spacing 2^-10 in [1, 2), largest
 * finite 65504).
 */
class NumpyWorkerTest {
    @TempDir
    static Path dir;
    private static NumpyWorker worker;

    @BeforeAll
    static void startWorker() throws Exception {
        assumeTrue(NumpyWorker.available(), "no python3 with NumPy here: the numpy backend is optional");
        worker = NumpyWorker.start(dir);
        WorkerReply hello = worker.send(WorkerRequest.hello());
        assertTrue(hello.ok(), hello.message());
        assertEquals("numpy", hello.library());
    }

    @AfterAll
    static void stopWorker() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void float16RoundsToNearestEvenAndOverflowsAtTheMidpointAbove65504() {
        // 1 + 2^-11: halfway between 1 and 1 + 2^-10, ties to even give 1. 1 + 3 * 2^-11: halfway
        // between 1 + 2^-10 (odd) and 1 + 2^-9 (even). 65519 is below the midpoint 65520 between
        // 65504 and 2^16; 65536 is past it, so Infinity.
        assertArrayEquals(new double[] {1, 1 + 0x1p-9, 65504, Double.POSITIVE_INFINITY, -0.25},
                ok(Op.ADD, DType.FLOAT16, new double[] {1, 1, 65504, 65504, -0.5},
                        new double[] {0x1p-11, 3 * 0x1p-11, 15, 32, 0.25}));
    }

    @Test
    void float16SqrtExpMaximumAndReduceSum() {
        // sqrt(2) = 1.41421356... is 1448.15 steps of 2^-10: 1448 * 2^-10 = 1.4140625.
        assertArrayEquals(new double[] {2, 0.5, 1.4140625, 0}, ok(Op.SQRT, DType.FLOAT16, new double[] {4, 0.25, 2, 0}));
        assertArrayEquals(new double[] {1}, ok(Op.EXP, DType.FLOAT16, new double[] {0}));
        assertArrayEquals(new double[] {2, -0.5, 3},
                ok(Op.MAXIMUM, DType.FLOAT16, new double[] {1, -0.5, 3}, new double[] {2, -3, -4}));
        assertArrayEquals(new double[] {10.5}, ok(Op.REDUCE_SUM, DType.FLOAT16, new double[] {1, 2, 3, 4.5}));
    }

    @Test
    void bfloat16IsUnsupportedBecauseNumpyHasNoSuchDtype() {
        NumpyWorker.Result result = worker.run(Op.EXP, DType.BFLOAT16, new double[] {0});
        assertEquals(WorkerReply.UNSUPPORTED, result.reply().status(), String.valueOf(result.reply().message()));
        assertTrue(result.reply().message().startsWith("NumPy has no bfloat16 dtype"), result.reply().message());
    }

    @Test
    void atan2TakesYFirst() {
        // C99 atan2(y, x): (1, -1) is 3pi/4, (-1, 0) is -pi/2, (0, -1) is pi; float32 nearest by hand
        // from pi = 3.14159265358979...: 2.3561945f, -1.5707964f, 3.1415927f.
        double[] y = {1, -1, 0};
        double[] x = {-1, 0, -1};
        assertArrayEquals(new double[] {2.3561945f, -1.5707964f, 3.1415927f}, ok(Op.ATAN2, DType.FLOAT32, y, x));
        assertArrayEquals(new double[] {3 * Math.PI / 4, -Math.PI / 2, Math.PI}, ok(Op.ATAN2, DType.FLOAT64, y, x), 1e-15);
    }

    @Test
    void modIsCsFmodWithTheSignOfX() {
        // fmod: 5.5 - trunc(5.5 / 2) * 2 = 1.5, with the sign of x; NumPy's np.mod would give 0.5 for (-5.5, 2).
        for (DType dtype : List.of(DType.FLOAT16, DType.FLOAT32, DType.FLOAT64)) {
            assertArrayEquals(new double[] {1.5, -1.5, 1.5, -1.5},
                    ok(Op.MOD, dtype, new double[] {5.5, -5.5, 5.5, -5.5}, new double[] {2, 2, -2, -2}), dtype.id());
        }
    }

    private static double[] ok(Op op, DType dtype, double[]... operands) {
        NumpyWorker.Result result = worker.run(op, dtype, operands);
        assertTrue(result.reply().ok(), op + " " + dtype + ": " + result.reply().message());
        return result.values();
    }
}
