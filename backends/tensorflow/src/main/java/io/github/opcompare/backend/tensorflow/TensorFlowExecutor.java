package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.backend.tensorflow.TensorFlowKernels.Kernel;
import io.github.opcompare.worker.GpuUnusableException;
import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Runs catalog ops with TensorFlow Java in eager mode on one device, {@code /device:CPU:0} or
 * {@code /device:GPU:0} as {@code OPCOMPARE_TF_DEVICE} says (CPU by default).
 *
 * <p>One eager session serves the whole worker process; it is synchronous, so a CPU op has finished
 * when its call returns, and a GPU op is waited for (see {@link GpuCompletion}). Every op is pinned
 * to the device, and where it ran is checked rather than trusted: once per op and dtype before the
 * first call (an op TensorFlow has no kernel for in that dtype, or cannot run there, is answered
 * unsupported), and after each prepared call's first run. Its thread pools are TensorFlow's defaults (intra-
 * and inter-op parallelism 0: TensorFlow sizes them from the core count, or from
 * {@code TF_NUM_INTRAOP_THREADS} and {@code TF_NUM_INTEROP_THREADS}); the worker logs them on
 * stderr at start.
 */
public final class TensorFlowExecutor implements OpExecutor {
    /** TensorFlow's messages for an op it has no kernel for on the pinned device, or cannot place there. */
    private static final Pattern NO_KERNEL =
            Pattern.compile("(?i)could not satisfy|could not find device for node|no (supported|registered) kernel"
                    + "|no registered '[^']*' opkernel|was explicitly assigned to");

    private final Map<Op, Kernel> kernels;
    private final Map<DType, TensorFormat> formats;
    private final TensorFlowDevice device;
    private final EagerSession session;
    private final Ops tf;
    private final Ops host;
    private final EagerReleaser releaser;
    private final KernelCacheTrimmer kernelCache;
    private final EagerPlacement placement;
    private final GpuCompletion completion;
    /** The op/dtype pairs whose kernel ran once here (see requireKernel). */
    private final Set<String> probed = new HashSet<>();
    private final String version;

    /** On the device {@code OPCOMPARE_TF_DEVICE} names; on the GPU, fails at once if TensorFlow has none. */
    public TensorFlowExecutor() {
        this(TensorFlowKernels.all(), TensorFormat.all(), TensorFlowDevice.fromEnvironment(System.getenv()));
    }

    /** With other mappings than the full ones: how tests reach the answers for a missing op or dtype. */
    TensorFlowExecutor(Map<Op, Kernel> kernels, Map<DType, TensorFormat> formats) {
        this(kernels, formats, TensorFlowDevice.CPU);
    }

    TensorFlowExecutor(Map<Op, Kernel> kernels, Map<DType, TensorFormat> formats, TensorFlowDevice device) {
        this.kernels = Map.copyOf(kernels);
        this.formats = Map.copyOf(formats);
        this.device = device;
        // EXPLICIT placement: an input on another device is an error, never a silent copy inside the
        // timed call.
        this.session = EagerSession.options()
                .async(false)
                .devicePlacementPolicy(EagerSession.DevicePlacementPolicy.EXPLICIT)
                .build();
        this.tf = Ops.create(session).withDevice(device.spec());
        this.host = Ops.create(session).withDevice(TensorFlowDevice.CPU.spec());
        this.releaser = EagerReleaser.create();
        this.kernelCache = KernelCacheTrimmer.of(session);
        this.placement = EagerPlacement.create();
        this.version = tensorFlowJavaVersion() + " (TensorFlow " + TensorFlow.version() + ")";
        if (device == TensorFlowDevice.GPU) {
            requireGpu();
            this.completion = new GpuCompletion(tf, host, releaser);
        } else {
            this.completion = null;
        }
        System.err.println("opcompare tensorflow: " + version + ", eager, synchronous, on " + device.spec()
                + "; intra_op_parallelism_threads=0 inter_op_parallelism_threads=0 (TensorFlow's choice: "
                + "TF_NUM_INTRAOP_THREADS=" + System.getenv("TF_NUM_INTRAOP_THREADS")
                + " TF_NUM_INTEROP_THREADS=" + System.getenv("TF_NUM_INTEROP_THREADS")
                + ", available processors " + Runtime.getRuntime().availableProcessors() + ")");
    }

    @Override
    public String library() {
        return "tensorflow";
    }

    @Override
    public String version() {
        return version;
    }

    /**
     * TensorFlow sizes its intra-op pool from {@code TF_NUM_INTRAOP_THREADS} when set, otherwise from
     * the processors the process may use; the engine sets the variable for its single-thread runs.
     */
    @Override
    public int threads() {
        if (!"cpu".equals(device())) {
            return 1; // the GPU does the work: a single-thread second worker would only double GPU memory
        }
        String configured = System.getenv("TF_NUM_INTRAOP_THREADS");
        if (configured != null && configured.strip().matches("[1-9][0-9]*")) {
            return Integer.parseInt(configured.strip());
        }
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String device() {
        return device.id();
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length)
            throws UnsupportedOpException {
        Kernel kernel = kernels.get(op);
        if (kernel == null) {
            throw new UnsupportedOpException(TensorFlowKernels.missing().getOrDefault(op,
                    "the TensorFlow backend has no mapping for " + op));
        }
        TensorFormat format = formats.get(dtype);
        if (format == null) {
            throw new UnsupportedOpException("the TensorFlow backend has no " + dtype + " tensors");
        }
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + inputs.size());
        }
        requireKernel(op, dtype, kernel, format);
        List<Operand<TNumber>> operands = new ArrayList<>();
        Operand<TInt32> axis = null;
        try {
            for (ByteBuffer input : inputs) {
                // The constant holds its own reference to the tensor's buffer, so the host tensor
                // can be closed at once. On the GPU, building the constant is the copy to the device.
                try (TNumber hostTensor = format.tensorOf(input, length)) {
                    Operand<TNumber> flat = tf.constantOf(hostTensor);
                    kernelCache.constantMade((long) length * dtype.bytes());
                    operands.add(op.kind() == OpKind.MATRIX ? TensorFlowKernels.asMatrix(tf, flat, length) : flat);
                    if (op.kind() == OpKind.MATRIX) {
                        releaser.release(flat); // the reshaped operand keeps its own reference to the data
                    }
                }
            }
            if (op.kind() == OpKind.REDUCTION) {
                axis = axis();
            }
            return new TensorFlowCall(tf, kernel, operands, axis, format, op.outputLength(length), releaser,
                    kernelCache, device, placement, completion);
        } catch (RuntimeException e) {
            operands.forEach(releaser::release);
            releaser.release(axis);
            throw e;
        }
    }

    /**
     * The reduction axis, a scalar 0. On the GPU it lives on the host: TensorFlow's GPU reduction
     * kernels take their axes in host memory, so under EXPLICIT placement an axis on the GPU would be
     * an error, or a copy back inside the timed call.
     */
    private Operand<TInt32> axis() {
        return (device == TensorFlowDevice.GPU ? host : tf).constant(0);
    }

    /**
     * Runs the op once on one-element inputs, once per op and dtype, before the first real call. An op
     * TensorFlow has no kernel for in this dtype on this device (several CPU kernels are registered
     * for float32 and float64 but not for half or bfloat16) is unsupported, with TensorFlow's own
     * message; on the GPU, an op it runs elsewhere is unsupported too, never timed as a GPU op.
     */
    private void requireKernel(Op op, DType dtype, Kernel kernel, TensorFormat format) throws UnsupportedOpException {
        String key = op + "/" + dtype;
        if (probed.contains(key)) {
            return;
        }
        List<Operand<TNumber>> ones = new ArrayList<>();
        Operand<TInt32> axis = null;
        Operand<TNumber> out = null;
        try {
            ByteBuffer one = one(dtype);
            for (int i = 0; i < op.arity(); i++) {
                try (TNumber hostTensor = format.tensorOf(one, 1)) {
                    Operand<TNumber> flat = tf.constantOf(hostTensor);
                    ones.add(op.kind() == OpKind.MATRIX ? TensorFlowKernels.asMatrix(tf, flat, 1) : flat);
                }
            }
            if (op.kind() == OpKind.REDUCTION) {
                axis = axis();
            }
            out = kernel.apply(tf, ones, axis);
            // On the CPU nothing can fall back further; where TF Java's internals cannot be read, a CPU
            // worker still runs (the GPU worker refuses to start, see requireGpu).
            if (device == TensorFlowDevice.GPU || placement.available()) {
                Optional<String> wrong = Placement.mismatch(device.type(), 0, placement.deviceOf(out));
                if (wrong.isPresent()) {
                    throw new UnsupportedOpException("TensorFlow " + out.op().type() + " for " + dtype + " "
                            + wrong.get() + ", so it has no " + device.id() + " result here");
                }
            }
            probed.add(key);
        } catch (RuntimeException e) {
            if (e.getMessage() != null && NO_KERNEL.matcher(e.getMessage()).find()) {
                // One line: TensorFlow lists the kernels it has on separate lines.
                throw new UnsupportedOpException("TensorFlow cannot run " + op + " for " + dtype + " on "
                        + device.spec() + ": " + e.getMessage().strip().replaceAll("\\s+", " "));
            }
            throw e;
        } finally {
            releaser.release(out);
            ones.forEach(releaser::release);
            releaser.release(axis);
        }
    }

    /** The value 1 as one raw little-endian element of the dtype: inside every op's domain (acosh's too). */
    private static ByteBuffer one(DType dtype) {
        ByteBuffer one = ByteBuffer.allocate(dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        long bits = dtype.encode(1.0);
        switch (dtype.bytes()) {
            case 2 -> one.putShort(0, (short) bits);
            case 4 -> one.putInt(0, (int) bits);
            default -> one.putLong(0, bits);
        }
        return one;
    }

    /**
     * At start on the GPU: a constant pinned to {@code /device:GPU:0} must land there. TensorFlow
     * registers a GPU only when it finds one and can load all of CUDA 12 and cuDNN 9; otherwise it has
     * CPU devices alone and would either refuse the pin or run everything on the CPU. Either way this
     * worker then has nothing to measure, and says so before the first case.
     */
    private void requireGpu() {
        if (!placement.available()) {
            throw new GpuUnusableException("this TF Java (" + version + ") does not let opcompare read where TensorFlow"
                    + " runs an op, so an op that fell back to the CPU could not be told from a GPU op");
        }
        Operand<TFloat32> probe = null;
        try {
            probe = tf.constant(1f);
            Optional<String> wrong = Placement.mismatch(device.type(), 0, placement.deviceOf(probe));
            if (wrong.isPresent()) {
                throw new GpuUnusableException(noGpu("a constant pinned to it " + wrong.get()));
            }
        } catch (GpuUnusableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GpuUnusableException(noGpu("pinning a constant to it failed: "
                    + String.valueOf(e.getMessage()).strip().replaceFirst("\\.$", "")));
        } finally {
            releaser.release(probe);
        }
    }

    private static String noGpu(String what) {
        return "TensorFlow has no usable /device:GPU:0 (" + what + "). TensorFlow " + TensorFlow.version()
                + " registers a GPU only when it can load CUDA 12 and cuDNN 9 (libcudart.so.12, libcublas.so.12,"
                + " libcublasLt.so.12, libcufft.so.11, libcusolver.so.11, libcusparse.so.12, libcudnn.so.9); its warning"
                + " 'Cannot dlopen some GPU libraries' in this worker's log names the ones it could not load";
    }

    /** Whether eager results are freed as soon as they are replaced (see {@link EagerReleaser}). */
    boolean freesResultsEagerly() {
        return releaser.available();
    }

    /** Whether the kernels of the input constants are dropped from TensorFlow's cache (see {@link KernelCacheTrimmer}). */
    boolean trimsKernelCache() {
        return kernelCache.available();
    }

    /** TF Java's own version, from its jar's Maven metadata (the native version is separate). */
    static String tensorFlowJavaVersion() {
        String resource = "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties";
        try (InputStream in = TensorFlow.class.getResourceAsStream(resource)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String v = properties.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = TensorFlow.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}
