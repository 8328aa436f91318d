package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.GpuUnusableException;
import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs catalog ops with ND4J's CUDA backend ({@code nd4j-cuda-11.6}) on the GPU ND4J uses (the first
 * one CUDA shows it). The ops, copies and calls are the ND4J CPU worker's ({@link Nd4jKernels},
 * {@link Nd4jArrays}, {@link Nd4jCall}); what the GPU adds is here:
 * <ul>
 *   <li>Inputs are copied to the device in {@link #prepare}, so the transfer in is timed apart from
 *       the op. {@link Nd4jArrays} writes the host copy through NIO, which ND4J's CUDA allocator does
 *       not see; tagging the host copy as the newest makes it upload that one, not stale device
 *       memory.</li>
 *   <li>A call ends with the GPU done: {@link Nd4jCall} ends with {@code OpExecutioner.commit()},
 *       which on the CUDA backend synchronises the device context's CUDA streams
 *       ({@code CudaExecutioner.commit}: {@code syncOldStream()} and {@code syncSpecialStream()},
 *       both {@code cudaStreamSynchronize}, in 1.0.0-M2.1).</li>
 *   <li>Reading a result ({@link Nd4jArrays#toLittleEndian}) goes through the CUDA buffer's
 *       {@code asNio()}, which copies the device result to the host first: the transfer out.</li>
 * </ul>
 * First-call costs (loading the kernel module, ND4J's own caches) land in the first call, as on the CPU.
 */
public final class Nd4jGpuExecutor implements OpExecutor {
    private final Map<Op, Nd4jKernels.Kernel> kernels;
    private final String version;

    private Nd4jGpuExecutor(Map<Op, Nd4jKernels.Kernel> kernels, String version) {
        this.kernels = kernels;
        this.version = version;
    }

    /**
     * Loads ND4J's CUDA backend and proves on one tiny op that it runs on this GPU.
     *
     * @throws GpuUnusableException when it does not load, or its kernels do not run here, with the reason
     */
    public static Nd4jGpuExecutor start() {
        Properties environment = loadCudaBackend();
        String gpu = describeGpu(environment);
        Map<Op, Nd4jKernels.Kernel> kernels = Nd4jKernels.all();
        CudaProbe.problem(() -> onePlusTwo(kernels.get(Op.ADD)), gpu).ifPresent(problem -> {
            throw new GpuUnusableException(problem);
        });
        String nd4j = Nd4jExecutor.pomVersion("org.nd4j", "nd4j-cuda-11.6");
        return new Nd4jGpuExecutor(kernels, (nd4j == null ? "unknown" : nd4j) + " (nd4j-cuda-11.6, " + gpu + ")");
    }

    @Override
    public String library() {
        return "nd4j";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String device() {
        return "gpu";
    }

    // threads(): the default 1. A GPU op's parallelism is not a host thread count, and the engine's
    // single-thread rerun (OMP_NUM_THREADS=1) would change nothing on the device.

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        return Nd4jExecutor.prepareCall(kernels, Nd4jExecutor.DATA_TYPES, op, dtype, inputs, length, Nd4jGpuExecutor::toDevice);
    }

    /** Marks the host copy, just written through NIO, as the newest, and uploads it now. */
    static INDArray toDevice(INDArray written) {
        AffinityManager affinity = Nd4j.getAffinityManager();
        affinity.tagLocation(written, AffinityManager.Location.HOST);
        affinity.ensureLocation(written, AffinityManager.Location.DEVICE);
        return written;
    }

    /** 1 + 2 on one-element float arrays, through the same path as every case, read back. */
    private static float onePlusTwo(Nd4jKernels.Kernel add) {
        INDArray a = toDevice(Nd4jArrays.fromLittleEndian(littleEndian(1f), DataType.FLOAT, 1));
        INDArray b = toDevice(Nd4jArrays.fromLittleEndian(littleEndian(2f), DataType.FLOAT, 1));
        try (Nd4jCall call = new Nd4jCall(add, new INDArray[] {a, b}, Nd4j.createUninitializedDetached(DataType.FLOAT, 1))) {
            call.call();
            ByteBuffer out = ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            call.writeResult(out);
            return out.getFloat(0);
        }
    }

    private static ByteBuffer littleEndian(float value) {
        return ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, value);
    }

    /**
     * ND4J's backend, which must be the CUDA one; its environment information names the GPUs. CUDA's
     * runtime is loaded first, on its own: ND4J swallows that failure into "Please ensure that you
     * have an nd4j backend on your classpath", while the loader's own message names the missing library.
     */
    private static Properties loadCudaBackend() {
        String backend;
        Properties environment;
        try {
            Loader.load(org.bytedeco.cuda.global.cudart.class);
            backend = Nd4j.getBackend().getClass().getName();
            environment = Nd4j.getExecutioner().getEnvironmentInformation();
        } catch (Throwable t) {
            throw new GpuUnusableException("ND4J's CUDA backend did not load (" + CudaProbe.rootMessage(t) + "). It needs an"
                    + " NVIDIA GPU, driver 450.80.02 or later, and CUDA 11's libcudart.so.11.0, libcublas.so.11,"
                    + " libcublasLt.so.11 and libcusolver.so.11 where the loader finds them; this worker's log has ND4J's"
                    + " own messages");
        }
        if (!backend.contains("JCublas")) {
            throw new GpuUnusableException("ND4J loaded " + backend + " instead of its CUDA backend; the nd4j-gpu worker's"
                    + " classpath must hold nd4j-cuda-11.6 and not nd4j-native");
        }
        return environment;
    }

    /** {@code NVIDIA A100-SXM4-40GB, compute capability 8.0}, from ND4J's CUDA environment information. */
    @SuppressWarnings("unchecked")
    private static String describeGpu(Properties environment) {
        Object devices = environment.get("cuda.devicesInformation");
        if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            Map<String, Object> device = (Map<String, Object>) first;
            return device.get("cuda.deviceName") + ", compute capability " + device.get("cuda.deviceMajor") + "."
                    + device.get("cuda.deviceMinor");
        }
        return "the GPU";
    }
}
