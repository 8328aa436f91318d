package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.backend.tensorflow.TensorFlowKernels.Kernel;
import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;
import io.github.opcompare.engine.op.OpKind;
import io.github.opcompare.engine.worker.OpExecutor;
import io.github.opcompare.engine.worker.PreparedCall;
import io.github.opcompare.engine.worker.UnsupportedOpException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.tensorflow.DeviceSpec;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Runs catalog ops with TensorFlow Java in eager mode on the CPU ({@code /device:CPU:0}).
 *
 * <p>One eager session serves the whole worker process; it is synchronous, so an op has finished
 * when its call returns. Its thread pools are TensorFlow's defaults (intra- and inter-op
 * parallelism 0: TensorFlow sizes them from the core count, or from {@code TF_NUM_INTRAOP_THREADS}
 * and {@code TF_NUM_INTEROP_THREADS}); the worker logs them on stderr at start.
 */
public final class TensorFlowExecutor implements OpExecutor {
    private static final DeviceSpec CPU0 =
            DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(0).build();

    private final Map<Op, Kernel> kernels;
    private final Map<DType, TensorFormat> formats;
    private final EagerSession session;
    private final Ops tf;
    private final EagerReleaser releaser;
    private final String version;

    public TensorFlowExecutor() {
        this(TensorFlowKernels.all(), TensorFormat.all());
    }

    /** With other mappings than the full ones: how tests reach the answers for a missing op or dtype. */
    TensorFlowExecutor(Map<Op, Kernel> kernels, Map<DType, TensorFormat> formats) {
        this.kernels = Map.copyOf(kernels);
        this.formats = Map.copyOf(formats);
        // EXPLICIT placement: an input on another device is an error, never a silent copy inside the
        // timed call.
        this.session = EagerSession.options()
                .async(false)
                .devicePlacementPolicy(EagerSession.DevicePlacementPolicy.EXPLICIT)
                .build();
        this.tf = Ops.create(session).withDevice(CPU0);
        this.releaser = EagerReleaser.create();
        this.version = tensorFlowJavaVersion() + " (TensorFlow " + TensorFlow.version() + ")";
        System.err.println("opcompare tensorflow: " + version + ", eager, synchronous, on " + CPU0
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
        String configured = System.getenv("TF_NUM_INTRAOP_THREADS");
        if (configured != null && configured.strip().matches("[1-9][0-9]*")) {
            return Integer.parseInt(configured.strip());
        }
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length)
            throws UnsupportedOpException {
        Kernel kernel = kernels.get(op);
        if (kernel == null) {
            throw new UnsupportedOpException("the TensorFlow backend has no mapping for " + op);
        }
        TensorFormat format = formats.get(dtype);
        if (format == null) {
            throw new UnsupportedOpException("the TensorFlow backend has no " + dtype + " tensors");
        }
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + inputs.size());
        }
        List<Operand<TNumber>> operands = new ArrayList<>();
        Operand<TInt32> axis = null;
        try {
            for (ByteBuffer input : inputs) {
                // The constant holds its own reference to the tensor's buffer, so the host tensor
                // can be closed at once.
                try (TNumber host = format.tensorOf(input, length)) {
                    operands.add(tf.constantOf(host));
                }
            }
            if (op.kind() == OpKind.REDUCTION) {
                axis = tf.constant(0);
            }
            return new TensorFlowCall(tf, kernel, operands, axis, format, op.outputLength(length), releaser);
        } catch (RuntimeException e) {
            operands.forEach(releaser::release);
            releaser.release(axis);
            throw e;
        }
    }

    /** Whether eager results are freed as soon as they are replaced (see {@link EagerReleaser}). */
    boolean freesResultsEagerly() {
        return releaser.available();
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
