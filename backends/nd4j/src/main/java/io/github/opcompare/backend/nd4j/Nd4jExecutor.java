package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs catalog ops with ND4J's CPU backend (nd4j-native). */
public final class Nd4jExecutor implements OpExecutor {
    /** The dtypes ND4J runs, shared with the CUDA backend's executor. */
    static final Map<DType, DataType> DATA_TYPES;

    static {
        Map<DType, DataType> types = new EnumMap<>(DType.class);
        types.put(DType.FLOAT16, DataType.HALF);
        types.put(DType.BFLOAT16, DataType.BFLOAT16);
        types.put(DType.FLOAT32, DataType.FLOAT);
        types.put(DType.FLOAT64, DataType.DOUBLE);
        DATA_TYPES = Collections.unmodifiableMap(types);
    }

    private final Map<Op, Nd4jKernels.Kernel> kernels;
    private final Map<DType, DataType> dataTypes;
    private final String version;

    /** Loads ND4J's native backend now, so that a broken install fails at start-up, not at the first op. */
    public Nd4jExecutor() {
        this(Nd4jKernels.all(), DATA_TYPES);
    }

    /** With a narrower mapping, to show how unmapped ops and dtypes are answered. */
    Nd4jExecutor(Map<Op, Nd4jKernels.Kernel> kernels, Map<DType, DataType> dataTypes) {
        this.kernels = kernels;
        this.dataTypes = dataTypes;
        this.version = readVersion();
    }

    @Override
    public String library() {
        return "nd4j";
    }

    @Override
    public String version() {
        return version;
    }

    /** ND4J's OpenMP pool, sized from {@code OMP_NUM_THREADS} when set (the engine's single-thread runs set it). */
    @Override
    public int threads() {
        return Nd4j.getEnvironment().maxThreads();
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length)
            throws UnsupportedOpException {
        return prepareCall(kernels, dataTypes, op, dtype, inputs, length, UnaryOperator.identity());
    }

    /**
     * Builds ND4J arrays from the raw inputs and binds the op to them; every ND4J backend prepares
     * calls this way. {@code place} puts each freshly written input where the op will read it: the
     * CPU reads it where it is, the CUDA backend uploads it.
     */
    static PreparedCall prepareCall(Map<Op, Nd4jKernels.Kernel> kernels, Map<DType, DataType> dataTypes, Op op, DType dtype,
            List<ByteBuffer> inputs, int length, UnaryOperator<INDArray> place) throws UnsupportedOpException {
        Nd4jKernels.Kernel kernel = kernels.get(op);
        if (kernel == null) {
            throw new UnsupportedOpException(Nd4jKernels.missing().getOrDefault(op, "ND4J backend has no mapping for op " + op));
        }
        DataType type = dataTypes.get(dtype);
        if (type == null) {
            throw new UnsupportedOpException("ND4J backend has no " + dtype + " data type for op " + op);
        }
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + inputs.size());
        }
        if (length <= 0) {
            throw new IllegalArgumentException("ND4J backend needs at least one element, got " + length);
        }
        Nd4jKernelProbe.require(op, dtype, kernel, type, place);
        INDArray[] arrays = new INDArray[inputs.size()];
        INDArray output = null;
        try {
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = place.apply(Nd4jArrays.fromLittleEndian(inputs.get(i), type, length));
            }
            output = op.kind() == OpKind.REDUCTION
                    ? Nd4j.scalar(type, 0)
                    : Nd4j.createUninitializedDetached(type, length);
            return new Nd4jCall(kernel, arrays, output);
        } catch (RuntimeException | Error e) {
            Nd4jCall.closeAll(arrays);
            Nd4jCall.closeAll(output);
            throw e;
        }
    }

    /** "1.0.0-M2.1 (OpenBLAS 0.3.19)": ND4J's version as its jar declares it, and the BLAS it loaded. */
    private static String readVersion() {
        String nd4j = pomVersion("org.nd4j", "nd4j-native");
        if (nd4j == null) {
            nd4j = pomVersion("org.nd4j", "nd4j-api");
        }
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String vendor = env.getProperty("blas.vendor");
        String blas = null;
        if ("OPENBLAS".equalsIgnoreCase(vendor)) {
            String openblas = pomVersion("org.bytedeco", "openblas");
            // JavaCPP presets version as <library version>-<JavaCPP version>: keep the library's.
            blas = "OpenBLAS" + (openblas == null ? "" : " " + openblas.replaceFirst("-[0-9.]+$", ""));
        } else if (vendor != null && !vendor.isBlank()) {
            blas = vendor;
        }
        String text = nd4j == null ? "unknown" : nd4j;
        return blas == null ? text : text + " (" + blas + ")";
    }

    /** The version a jar on the classpath declares in its pom.properties, or null. */
    static String pomVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Nd4j.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
