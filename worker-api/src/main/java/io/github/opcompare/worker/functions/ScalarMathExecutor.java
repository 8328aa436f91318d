package io.github.opcompare.worker.functions;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A backend for a Java math library of static {@code double} functions (Hipparchus' or Commons
 * Math's {@code FastMath}): each elementwise op is the library's function applied to each element,
 * float32 the way Java code calls such a library, {@code (float) FastMath.exp(x)}. A subclass maps
 * the ops its library has and says why it lacks the others; reductions and the vector and matrix ops
 * are loops over arrays, user code rather than the library's, so they are unsupported.
 */
public abstract class ScalarMathExecutor implements OpExecutor {

    /** The library's function for a unary op, or null when it has none. */
    protected abstract DoubleUnaryOperator unary(Op op);

    /** The library's function for a binary op, or null when it has none. */
    protected abstract DoubleBinaryOperator binary(Op op);

    /** Why the library has no function for {@code op}, shown to users. */
    protected abstract String missing(Op op);

    /**
     * A library's version from the {@code pom.properties} Maven puts in its jar (not every jar's
     * manifest has an Implementation-Version: Hipparchus' has none); {@code unknown version} without it.
     */
    protected static String mavenVersion(Class<?> inLibrary, String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (java.io.InputStream in = inLibrary.getResourceAsStream(resource)) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.strip();
                }
            }
        } catch (java.io.IOException e) {
            // Fall through: the version is for the record, not needed to run.
        }
        String manifest = inLibrary.getPackage().getImplementationVersion();
        return manifest == null ? "unknown version" : manifest;
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        if (!ArrayCall.javaType(dtype)) {
            throw new UnsupportedOpException(library() + " computes in float and double only: Java has no " + dtype.id() + " type");
        }
        if (op.kind() != OpKind.ELEMENTWISE) {
            throw new UnsupportedOpException(library() + " has no " + op.id() + " function; a loop over an array is user code, not the library's");
        }
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + inputs.size());
        }
        if (op.arity() == 1) {
            DoubleUnaryOperator f = unary(op);
            if (f == null) {
                throw new UnsupportedOpException(missing(op));
            }
            if (dtype == DType.FLOAT32) {
                float[] a = ArrayCall.floats(inputs, length)[0];
                float[] out = new float[length];
                return ArrayCall.of(() -> {
                    for (int i = 0; i < length; i++) {
                        out[i] = (float) f.applyAsDouble(a[i]);
                    }
                }, out);
            }
            double[] a = ArrayCall.doubles(inputs, length)[0];
            double[] out = new double[length];
            return ArrayCall.of(() -> {
                for (int i = 0; i < length; i++) {
                    out[i] = f.applyAsDouble(a[i]);
                }
            }, out);
        }
        DoubleBinaryOperator f = binary(op);
        if (f == null) {
            throw new UnsupportedOpException(missing(op));
        }
        if (dtype == DType.FLOAT32) {
            float[][] in = ArrayCall.floats(inputs, length);
            float[] out = new float[length];
            // Arithmetic on two floats widened to double and rounded back is exact for + - * / and
            // fmod (double has more than twice float's precision), so binary ops share one path.
            return ArrayCall.of(() -> {
                for (int i = 0; i < length; i++) {
                    out[i] = (float) f.applyAsDouble(in[0][i], in[1][i]);
                }
            }, out);
        }
        double[][] in = ArrayCall.doubles(inputs, length);
        double[] out = new double[length];
        return ArrayCall.of(() -> {
            for (int i = 0; i < length; i++) {
                out[i] = f.applyAsDouble(in[0][i], in[1][i]);
            }
        }, out);
    }
}
