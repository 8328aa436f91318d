package io.github.opcompare.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.conformance.RawBuffers;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

/** Runs real ND4J (nd4j-native on the CPU) and checks its results against independently known values. */
class Nd4jExecutorTest {
    private static Nd4jExecutor executor;

    @BeforeAll
    static void loadNd4j() {
        executor = new Nd4jExecutor();
    }

    @Test
    void identifiesLibraryVersionAndDevice() {
        assertEquals("nd4j", executor.library());
        assertEquals("cpu", executor.device());
        // The version pinned in the parent POM, read back from the jar; the BLAS ND4J loaded beside it.
        assertTrue(executor.version().startsWith("1.0.0-M2.1"), executor.version());
        assertTrue(executor.version().contains("OpenBLAS"), executor.version());
    }

    @Test
    void sqrtOfFloat32IsCorrectlyRounded() throws Exception {
        double[] x = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        float[] result = floats(run(Op.SQRT, DType.FLOAT32, x));
        for (int i = 0; i < x.length; i++) {
            // IEEE 754 requires sqrt to be correctly rounded; the double square root rounded to float is
            // the correctly rounded float square root (53 >= 2 * 24 + 2, so double rounding is harmless).
            float expected = (float) Math.sqrt(i);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(result[i]),
                    "sqrt(" + i + "): " + expected + " expected, ND4J gave " + result[i]);
        }
    }

    @Test
    void reduceSumOfAMillionOnesIsExact() throws Exception {
        double[] ones = new double[1_000_000];
        Arrays.fill(ones, 1.0);
        // Every partial sum of ones is an integer below 2^24, so any summation order is exact in float32.
        assertEquals(1_000_000f, floats(run(Op.REDUCE_SUM, DType.FLOAT32, ones))[0]);
        assertEquals(1_000_000.0, doubles(run(Op.REDUCE_SUM, DType.FLOAT64, ones))[0]);
    }

    @Test
    void expOfZeroIsOneInFloat64() throws Exception {
        assertEquals(1.0, doubles(run(Op.EXP, DType.FLOAT64, new double[] {0.0}))[0]);
    }

    @Test
    void exactOpsGiveTheirExactResults() throws Exception {
        double[] a = {1, -2, 3.5, 8};
        double[] b = {4, 4, -0.5, 2};
        for (DType dtype : DType.values()) {
            assertArrayEquals(new double[] {5, 2, 3, 10}, values(run(Op.ADD, dtype, a, b), dtype));
            assertArrayEquals(new double[] {-3, -6, 4, 6}, values(run(Op.SUB, dtype, a, b), dtype));
            assertArrayEquals(new double[] {4, -8, -1.75, 16}, values(run(Op.MUL, dtype, a, b), dtype));
            assertArrayEquals(new double[] {0.25, -0.5, -7, 4}, values(run(Op.DIV, dtype, a, b), dtype));
            assertArrayEquals(new double[] {4, 4, 3.5, 8}, values(run(Op.MAXIMUM, dtype, a, b), dtype));
            assertArrayEquals(new double[] {1, -2, -0.5, 2}, values(run(Op.MINIMUM, dtype, a, b), dtype));
            assertArrayEquals(new double[] {10.5}, values(run(Op.REDUCE_SUM, dtype, a), dtype));
            assertArrayEquals(new double[] {8}, values(run(Op.REDUCE_MAX, dtype, a), dtype));
            assertArrayEquals(new double[] {-2}, values(run(Op.REDUCE_MIN, dtype, a), dtype));
            // log(1) = 0, sin(0) = 0, cos(0) = 1, tanh(0) = 0 exactly in any correct libm.
            assertArrayEquals(new double[] {0}, values(run(Op.LOG, dtype, new double[] {1}), dtype));
            assertArrayEquals(new double[] {0}, values(run(Op.SIN, dtype, new double[] {0}), dtype));
            assertArrayEquals(new double[] {1}, values(run(Op.COS, dtype, new double[] {0}), dtype));
            assertArrayEquals(new double[] {0}, values(run(Op.TANH, dtype, new double[] {0}), dtype));
        }
    }

    @Test
    void callingAgainSeesTheOriginalInputs() throws Exception {
        // Were sqrt done in place, the second call would give sqrt(2) = 1.414..., not 2 again.
        try (PreparedCall call = executor.prepare(Op.SQRT, DType.FLOAT32, buffers(DType.FLOAT32, new double[] {4, 9, 16}), 3)) {
            ByteBuffer first = output(DType.FLOAT32, 3);
            ByteBuffer second = output(DType.FLOAT32, 3);
            call.call();
            call.writeResult(first);
            call.call();
            call.call();
            call.writeResult(second);
            assertArrayEquals(new float[] {2, 3, 4}, floats(first));
            assertArrayEquals(new float[] {2, 3, 4}, floats(second));
        }
        double[] a = {1, 2};
        double[] b = {10, 20};
        try (PreparedCall call = executor.prepare(Op.ADD, DType.FLOAT64, buffers(DType.FLOAT64, a, b), 2)) {
            ByteBuffer out = output(DType.FLOAT64, 2);
            call.call();
            call.call();
            call.writeResult(out);
            assertArrayEquals(new double[] {11, 22}, doubles(out));
        }
    }

    @Test
    void readsOnlyTheGivenInputsAndLeavesThemUnchanged() throws Exception {
        List<ByteBuffer> inputs = buffers(DType.FLOAT32, new double[] {4, 9});
        ByteBuffer before = ByteBuffer.allocate(8).put(inputs.get(0).duplicate()).flip();
        try (PreparedCall call = executor.prepare(Op.SQRT, DType.FLOAT32, inputs, 2)) {
            call.call();
        }
        assertEquals(before, inputs.get(0).duplicate().position(0));
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyCatalogOpRunsInEveryDtypeOrIsAnsweredUnsupported(Op op) throws Exception {
        for (DType dtype : DType.values()) {
            double[][] operands = new double[op.arity()][];
            // matmul takes n x n operands: 2 x 2 here.
            int length = op == Op.MATMUL ? 4 : 3;
            for (int i = 0; i < operands.length; i++) {
                operands[i] = op == Op.MATMUL ? new double[] {0.5, 1, 2, 3} : new double[] {0.5, 1, 2};
            }
            if (Nd4jKernels.missing().containsKey(op)) {
                UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
                        () -> executor.prepare(op, dtype, buffers(dtype, operands), length));
                assertTrue(e.getMessage().startsWith("ND4J has no"), e.getMessage());
                continue;
            }
            PreparedCall prepared;
            try {
                prepared = executor.prepare(op, dtype, buffers(dtype, operands), length);
            } catch (UnsupportedOpException e) {
                // Only the 16-bit formats lack kernels; the reason is libnd4j's own.
                assertTrue(dtype.isHalfWidth(), op + " " + dtype + ": " + e.getMessage());
                assertTrue(e.getMessage().startsWith("ND4J cannot run " + op + " for " + dtype), e.getMessage());
                continue;
            }
            try (PreparedCall call = prepared) {
                call.call();
                ByteBuffer out = output(dtype, op.outputLength(length));
                call.writeResult(out);
            }
        }
    }

    @Test
    void unmappedOpsAndDtypesAreUnsupportedWithAReason() {
        Map<Op, Nd4jKernels.Kernel> onlySqrt = new EnumMap<>(Op.class);
        onlySqrt.put(Op.SQRT, Nd4jKernels.all().get(Op.SQRT));
        Map<DType, DataType> onlyFloat32 = new EnumMap<>(DType.class);
        onlyFloat32.put(DType.FLOAT32, DataType.FLOAT);
        Nd4jExecutor narrow = new Nd4jExecutor(onlySqrt, onlyFloat32);

        UnsupportedOpException op = assertThrows(UnsupportedOpException.class,
                () -> narrow.prepare(Op.EXP, DType.FLOAT32, buffers(DType.FLOAT32, new double[] {1}), 1));
        assertTrue(op.getMessage().contains("exp"), op.getMessage());
        UnsupportedOpException dtype = assertThrows(UnsupportedOpException.class,
                () -> narrow.prepare(Op.SQRT, DType.FLOAT64, buffers(DType.FLOAT64, new double[] {1}), 1));
        assertTrue(dtype.getMessage().contains("float64"), dtype.getMessage());
    }

    @Test
    void anOpThatFailsInADtypeIsUnsupportedAtPrepareWithLibnd4jsReason() {
        // As libnd4j reports a kernel it was not built for in some type: an op error wrapping the native one.
        Map<Op, Nd4jKernels.Kernel> failing = new EnumMap<>(Op.class);
        failing.put(Op.EXP, (in, out) -> {
            throw new IllegalStateException("Op [exp] execution failed", new RuntimeException("no kernel\nfor HALF"));
        });
        Nd4jExecutor narrow = new Nd4jExecutor(failing, Nd4jExecutor.DATA_TYPES);
        UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
                () -> narrow.prepare(Op.EXP, DType.FLOAT16, buffers(DType.FLOAT16, new double[] {1}), 1));
        assertEquals("ND4J cannot run exp for float16 (HALF): Op [exp] execution failed; no kernel for HALF",
                e.getMessage());
    }

    @Test
    void wrongNumberOfInputsIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> executor.prepare(Op.ADD, DType.FLOAT32, buffers(DType.FLOAT32, new double[] {1}), 1));
    }

    private static ByteBuffer run(Op op, DType dtype, double[]... operands) throws UnsupportedOpException {
        int length = operands[0].length;
        try (PreparedCall call = executor.prepare(op, dtype, buffers(dtype, operands), length)) {
            call.call();
            ByteBuffer out = output(dtype, op.outputLength(length));
            call.writeResult(out);
            return out;
        }
    }

    /** Raw little-endian inputs as the worker server hands them over: direct, positioned at 0. */
    private static List<ByteBuffer> buffers(DType dtype, double[]... operands) {
        List<ByteBuffer> list = new ArrayList<>();
        for (double[] values : operands) {
            list.add(RawBuffers.of(dtype, values));
        }
        return list;
    }

    private static ByteBuffer output(DType dtype, int length) {
        return ByteBuffer.allocateDirect(length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float[] floats(ByteBuffer out) {
        float[] values = new float[out.capacity() / 4];
        out.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).asFloatBuffer().get(values);
        return values;
    }

    private static double[] doubles(ByteBuffer out) {
        double[] values = new double[out.capacity() / 8];
        out.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).asDoubleBuffer().get(values);
        return values;
    }

    private static double[] values(ByteBuffer out, DType dtype) {
        return RawBuffers.values(out, dtype, out.capacity() / dtype.bytes());
    }
}
