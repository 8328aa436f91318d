package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.conformance.RawBuffers;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TensorFlowExecutorTest {
    private static TensorFlowExecutor executor;

    @BeforeAll
    static void startTensorFlow() {
        executor = new TensorFlowExecutor();
    }

    @Test
    void describesItself() {
        assertEquals("tensorflow", executor.library());
        assertEquals("cpu", executor.device());
        assertTrue(executor.version().matches("\\d+\\.\\d+\\.\\d+\\S* \\(TensorFlow \\d+\\.\\d+\\.\\d+\\S*\\)"),
                executor.version());
        assertTrue(executor.freesResultsEagerly(), "TF Java's eager internals were not found");
        assertTrue(executor.trimsKernelCache(), "TF Java's eager context was not found");
        // TensorFlow's CPU thread pools use every core unless told otherwise.
        assertEquals(Runtime.getRuntime().availableProcessors(), executor.threads());
    }

    @Test
    void sqrtOfFloat32IsCorrectlyRounded() throws Exception {
        float[] x = new float[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        float[] y = runFloat32(Op.SQRT, x);
        for (int i = 0; i < x.length; i++) {
            // IEEE 754 requires sqrt to be correctly rounded; rounding the double result of
            // Math.sqrt (itself correctly rounded) to float is correctly rounded too, since p = 53
            // is at least 2 * 24 + 2.
            assertEquals(Float.floatToRawIntBits((float) Math.sqrt(i)), Float.floatToRawIntBits(y[i]),
                    "sqrt(" + i + ") = " + y[i]);
        }
    }

    @Test
    void maximumAndMinimumPropagateNaNFromEitherSide() throws Exception {
        // TensorFlow's CPU kernels are Eigen's scalar_max_op / scalar_min_op with
        // Eigen::PropagateNaN (tensorflow/core/kernels/cwise_ops.h, since TF 2.4), unlike Java's
        // Math.max only in name. 19 elements run through both the vector lanes and the tail.
        float nan = Float.NaN;
        float[] a = new float[19];
        float[] b = new float[19];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 2 == 0 ? nan : i;
            b[i] = i % 2 == 0 ? i : nan;
        }
        for (Op op : List.of(Op.MAXIMUM, Op.MINIMUM)) {
            float[] y = runFloat32(op, a, b);
            assertEquals(a.length, y.length);
            for (int i = 0; i < y.length; i++) {
                assertTrue(Float.isNaN(y[i]), op + " element " + i + " = " + y[i]);
            }
            assertTrue(Float.isNaN(runFloat32(op, new float[] {nan}, new float[] {nan})[0]));
        }
    }

    @Test
    void maximumAndMinimumOfNumbers() throws Exception {
        assertArrayEquals(new float[] {2f, -1f, Float.POSITIVE_INFINITY},
                runFloat32(Op.MAXIMUM, new float[] {1f, -1f, 3f}, new float[] {2f, -5f, Float.POSITIVE_INFINITY}));
        assertArrayEquals(new float[] {1f, -5f, 3f},
                runFloat32(Op.MINIMUM, new float[] {1f, -1f, 3f}, new float[] {2f, -5f, Float.POSITIVE_INFINITY}));
    }

    @Test
    void reduceSumOfAMillionOnesIsExact() throws Exception {
        float[] ones = new float[1_000_000];
        Arrays.fill(ones, 1f);
        // Every partial sum is an integer below 2^24, so any summation order is exact.
        assertEquals(1_000_000f, runFloat32(Op.REDUCE_SUM, ones)[0]);
    }

    @Test
    void expOfFloat64ZeroIsOne() throws Exception {
        try (PreparedCall call = executor.prepare(Op.EXP, DType.FLOAT64, List.of(Buffers.doubles(0.0)), 1)) {
            call.call();
            ByteBuffer out = Buffers.output(1, Double.BYTES);
            call.writeResult(out);
            assertEquals(1.0, Buffers.toDoubles(out, 1)[0]);
        }
    }

    @Test
    void divIsIeeeDivisionAwayFromSubnormals() throws Exception {
        // Java's float division is IEEE 754 division (JLS 15.17.2), correctly rounded: RealDiv
        // must give the same bits, including the infinities and NaN of division by zero. Subnormal
        // operands and results are left out: TensorFlow flushes them (see the next test).
        Random random = new Random(42);
        int n = 10_000;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = Float.intBitsToFloat(random.nextInt());
            b[i] = Float.intBitsToFloat(random.nextInt());
        }
        float[][] special = {{1f, 0f}, {-1f, 0f}, {0f, 0f}, {1f, 3f}, {Float.POSITIVE_INFINITY, 2f}};
        for (int i = 0; i < special.length; i++) {
            a[i] = special[i][0];
            b[i] = special[i][1];
        }
        float[] y = runFloat32(Op.DIV, a, b);
        int compared = 0;
        for (int i = 0; i < n; i++) {
            float expected = a[i] / b[i];
            if (subnormalOrTiny(a[i]) || subnormalOrTiny(b[i]) || subnormalOrTiny(expected)) {
                continue;
            }
            compared++;
            if (Float.isNaN(expected)) {
                assertTrue(Float.isNaN(y[i]), a[i] + " / " + b[i] + " = " + y[i]);
            } else {
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(y[i]),
                        a[i] + " / " + b[i] + " = " + y[i]);
            }
        }
        assertTrue(compared > n / 2, "only " + compared + " pairs compared");
        assertEquals(Float.POSITIVE_INFINITY, y[0]);
        assertEquals(Float.NEGATIVE_INFINITY, y[1]);
        assertTrue(Float.isNaN(y[2]));
    }

    @Test
    void subnormalsAreFlushedToZero() throws Exception {
        // TensorFlow runs every CPU kernel under port::ScopedFlushDenormal (eager: in
        // KernelAndDeviceOp::Run; its thread pools: at thread start), which on x86 sets both
        // flush-to-zero (subnormal results become 0) and denormals-are-zero (subnormal inputs read
        // as 0). IEEE 754 would give the subnormal 2^-127 and sqrt(2^-149) = 2^-74.5.
        assertEquals(0f, runFloat32(Op.DIV, new float[] {Float.MIN_NORMAL}, new float[] {2f})[0]);
        assertEquals(0f, runFloat32(Op.SQRT, new float[] {Float.MIN_VALUE})[0]);
    }

    private static boolean subnormalOrTiny(float x) {
        return x != 0f && Math.abs(x) <= Float.MIN_NORMAL;
    }

    @Test
    void everyCatalogOpRunsInEveryDtypeOrIsUnsupportedWithTensorFlowsReason() throws Exception {
        for (DType dtype : DType.values()) {
            for (Op op : Op.values()) {
                int length = op.kind() == io.github.opcompare.worker.op.OpKind.MATRIX ? 36 : 37;
                List<ByteBuffer> inputs = new ArrayList<>();
                for (int k = 0; k < op.arity(); k++) {
                    double[] x = new double[length];
                    for (int i = 0; i < length; i++) {
                        // acosh is defined from 1 on; everything else at 0.5 too.
                        x[i] = (op == Op.ACOSH ? 1.5 : 0.5) + (i + k) / 16.0;
                    }
                    inputs.add(RawBuffers.of(dtype, x));
                }
                if (TensorFlowKernels.missing().containsKey(op)) {
                    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
                            () -> executor.prepare(op, dtype, inputs, length));
                    assertTrue(e.getMessage().startsWith("TensorFlow has no"), e.getMessage());
                    continue;
                }
                PreparedCall prepared;
                try {
                    prepared = executor.prepare(op, dtype, inputs, length);
                } catch (UnsupportedOpException e) {
                    // Only the 16-bit formats lack CPU kernels; the reason is TensorFlow's own.
                    assertTrue(dtype.isHalfWidth(), op + " " + dtype + ": " + e.getMessage());
                    assertTrue(e.getMessage().startsWith("TensorFlow cannot run " + op + " for " + dtype),
                            e.getMessage());
                    continue;
                }
                try (PreparedCall call = prepared) {
                    call.call();
                    call.call();
                    ByteBuffer out = Buffers.output(op.outputLength(length), dtype.bytes());
                    call.writeResult(out);
                    double first = RawBuffers.values(out, dtype, 1)[0];
                    assertFalse(Double.isNaN(first), op + " " + dtype);
                }
            }
        }
    }

    @Test
    void anOpWithoutMappingIsUnsupported() {
        Map<Op, TensorFlowKernels.Kernel> kernels = new EnumMap<>(TensorFlowKernels.all());
        kernels.remove(Op.TANH);
        TensorFlowExecutor partial = new TensorFlowExecutor(kernels, TensorFormat.all());
        UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
                () -> partial.prepare(Op.TANH, DType.FLOAT32, List.of(Buffers.floats(1f)), 1));
        assertTrue(e.getMessage().contains("tanh"), e.getMessage());
    }

    @Test
    void aDtypeWithoutTensorTypeIsUnsupported() {
        Map<DType, TensorFormat> formats = new EnumMap<>(TensorFormat.all());
        formats.remove(DType.FLOAT64);
        TensorFlowExecutor partial = new TensorFlowExecutor(TensorFlowKernels.all(), formats);
        UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
                () -> partial.prepare(Op.EXP, DType.FLOAT64, List.of(Buffers.doubles(1.0)), 1));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void writeResultBeforeCallIsAnError() throws Exception {
        try (PreparedCall call = executor.prepare(Op.EXP, DType.FLOAT32, List.of(Buffers.floats(1f)), 1)) {
            assertThrows(IllegalStateException.class, () -> call.writeResult(Buffers.output(1, Float.BYTES)));
        }
    }

    @Test
    void opsWithoutAHalfOrBfloat16CpuKernelAreUnsupportedWithTensorFlowsReason() {
        // TensorFlow registers TruncateMod and Rint on the CPU for float and double only.
        for (DType dtype : List.of(DType.FLOAT16, DType.BFLOAT16)) {
            String type = dtype == DType.FLOAT16 ? "DT_HALF" : "DT_BFLOAT16";
            for (Op op : List.of(Op.MOD, Op.RINT)) {
                double[][] operands = op.arity() == 2 ? new double[][] {{5.5}, {2}} : new double[][] {{2.5}};
                UnsupportedOpException e = assertThrows(UnsupportedOpException.class, () -> runValues(op, dtype, operands));
                assertTrue(e.getMessage().startsWith("TensorFlow cannot run " + op + " for " + dtype), e.getMessage());
                assertTrue(e.getMessage().contains("T=" + type), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }

    /** Runs the op once on the operands, given as values of the dtype, and returns its exact outputs. */
    private static double[] runValues(Op op, DType dtype, double[]... operands) throws Exception {
        List<ByteBuffer> inputs = new ArrayList<>();
        for (double[] operand : operands) {
            inputs.add(RawBuffers.of(dtype, operand));
        }
        int length = operands[0].length;
        try (PreparedCall call = executor.prepare(op, dtype, inputs, length)) {
            call.call();
            ByteBuffer out = RawBuffers.output(dtype, op.outputLength(length));
            call.writeResult(out);
            return RawBuffers.values(out, dtype, op.outputLength(length));
        }
    }

    static float[] runFloat32(Op op, float[]... inputs) throws Exception {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (float[] input : inputs) {
            buffers.add(Buffers.floats(input));
        }
        int length = inputs[0].length;
        try (PreparedCall call = executor.prepare(op, DType.FLOAT32, buffers, length)) {
            call.call();
            ByteBuffer out = Buffers.output(op.outputLength(length), Float.BYTES);
            call.writeResult(out);
            return Buffers.toFloats(out, op.outputLength(length));
        }
    }
}
