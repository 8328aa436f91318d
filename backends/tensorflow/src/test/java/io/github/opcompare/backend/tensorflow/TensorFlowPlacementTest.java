package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.GpuUnusableException;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Where TensorFlow ran an op, checked on the CPU device this machine has: the checks that keep a GPU
 * backend from timing an op that fell back to the CPU.
 */
class TensorFlowPlacementTest {

    @Test
    void anOpPinnedToTheCpuReportsTheCpu() {
        try (EagerSession session = EagerSession.create()) {
            Ops tf = Ops.create(session).withDevice(TensorFlowDevice.CPU.spec());
            Operand<TFloat32> y = tf.math.sqrt(tf.constant(new float[] {4f}));
            String device = EagerPlacement.create().deviceOf(y);
            assertTrue(device.endsWith("/device:CPU:0"), device);
            assertEquals(Optional.empty(), Placement.mismatch("CPU", 0, device));
            assertEquals(Optional.of("ran on " + device + ", not on the requested /device:GPU:0: TensorFlow fell back to the CPU"),
                    Placement.mismatch("GPU", 0, device));
        }
    }

    @Test
    void theCpuExecutorRunsItsFirstCallThroughThePlacementCheck() throws Exception {
        TensorFlowExecutor executor = new TensorFlowExecutor(TensorFlowKernels.all(), TensorFormat.all(), TensorFlowDevice.CPU);
        assertEquals("cpu", executor.device());
        try (PreparedCall call = executor.prepare(Op.SQRT, DType.FLOAT32, List.of(Buffers.floats(9f, 16f)), 2)) {
            call.call();
            call.call();
            ByteBuffer out = Buffers.output(2, Float.BYTES);
            call.writeResult(out);
            assertEquals(3f, Buffers.toFloats(out, 2)[0]);
            assertEquals(4f, Buffers.toFloats(out, 2)[1]);
        }
    }

    /** A call pinned to the CPU but prepared for the GPU stands for an op TensorFlow put on the CPU. */
    @Test
    void aCallThatRanOffItsDeviceFailsAtItsFirstRunInsteadOfBeingTimed() {
        try (EagerSession session = EagerSession.create()) {
            Ops cpu = Ops.create(session).withDevice(TensorFlowDevice.CPU.spec());
            EagerReleaser releaser = EagerReleaser.create();
            Operand<TNumber> x = cpuConstant(cpu, 4f);
            TensorFlowCall call = new TensorFlowCall(cpu, TensorFlowKernels.all().get(Op.SQRT), List.of(x), null,
                    TensorFormat.all().get(DType.FLOAT32), 1, releaser, KernelCacheTrimmer.of(session), TensorFlowDevice.GPU,
                    EagerPlacement.create(), null);
            IllegalStateException e = assertThrows(IllegalStateException.class, call::call);
            assertTrue(e.getMessage().startsWith("TensorFlow Sqrt ran on /job:localhost/replica:0/task:0/device:CPU:0, not on"
                    + " the requested /device:GPU:0: TensorFlow fell back to the CPU; not reported as a gpu result"),
                    e.getMessage());
            call.close();
        }
    }

    @Test
    void placementMismatchesAreNamed() {
        String gpu = "/job:localhost/replica:0/task:0/device:GPU:0";
        assertEquals(Optional.empty(), Placement.mismatch("GPU", 0, gpu));
        assertEquals(Optional.empty(), Placement.mismatch("gpu", 0, "/device:gpu:0"));
        assertEquals(Optional.of("ran on " + gpu.replace("GPU:0", "GPU:1") + ", not on the requested /device:GPU:0"),
                Placement.mismatch("GPU", 0, gpu.replace("GPU:0", "GPU:1")));
        assertEquals(Optional.of("ran on an unnamed device, not on the requested /device:GPU:0"), Placement.mismatch("GPU", 0, ""));
        assertEquals(Optional.of("ran on garbage, not on the requested /device:CPU:0"), Placement.mismatch("CPU", 0, "garbage"));
    }

    @Test
    void theDeviceComesFromTheEnvironment() {
        assertEquals(TensorFlowDevice.CPU, TensorFlowDevice.fromEnvironment(Map.of()));
        assertEquals(TensorFlowDevice.CPU, TensorFlowDevice.fromEnvironment(Map.of("OPCOMPARE_TF_DEVICE", "cpu")));
        assertEquals(TensorFlowDevice.GPU, TensorFlowDevice.fromEnvironment(Map.of("OPCOMPARE_TF_DEVICE", " GPU ")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorFlowDevice.fromEnvironment(Map.of("OPCOMPARE_TF_DEVICE", "tpu")));
        assertEquals("OPCOMPARE_TF_DEVICE=tpu names no device; use cpu or gpu", e.getMessage());
        assertEquals("/device:GPU:0", TensorFlowDevice.GPU.spec().toString());
    }

    /**
     * This build of TensorFlow (the CPU natives) has no GPU, just as a GPU build has none when CUDA
     * fails to load: the GPU executor refuses to start, with the reason, rather than run on the CPU.
     */
    @Test
    void withoutAGpuTheGpuExecutorRefusesToStart() {
        GpuUnusableException e = assertThrows(GpuUnusableException.class,
                () -> new TensorFlowExecutor(TensorFlowKernels.all(), TensorFormat.all(), TensorFlowDevice.GPU));
        assertTrue(e.getMessage().startsWith("TensorFlow has no usable /device:GPU:0 ("), e.getMessage());
        assertTrue(e.getMessage().contains("'Cannot dlopen some GPU libraries'"), e.getMessage());
        assertEquals(e.getMessage(), e.toString(), "the worker reports the reason alone, without a class name");
    }

    @SuppressWarnings("unchecked")
    private static Operand<TNumber> cpuConstant(Ops cpu, float value) {
        return (Operand<TNumber>) (Operand<?>) cpu.constant(new float[] {value});
    }
}
