package io.github.opcompare.backend.vectorapi;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.functions.ArrayCall;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.nio.ByteBuffer;
import java.util.List;
import jdk.incubator.vector.VectorSpecies;

/**
 * Catalog ops through the JDK's Vector API: {@code FloatVector.lanewise(op)} (or {@code DoubleVector})
 * on the preferred species, over the array in whole vectors and a masked tail, as the API's own
 * examples loop ({@link VectorApiKernels}: one loop per op, so that each operator is a constant).
 * On x86-64, C2 compiles the transcendental operators to calls into the JDK's SVML library ({@code libjsvml.so}) where it has them; otherwise they fall back to scalar
 * {@code StrictMath}-like Java code, which {@link VectorApiRuntime} reports as far as the JVM can tell.
 * Float operands stay float: the float lanes are computed in float, unlike {@code (float) Math.exp(x)}.
 */
public final class VectorApiExecutor implements OpExecutor {
    static final VectorSpecies<Float> FLOATS = VectorApiKernels.F;
    static final VectorSpecies<Double> DOUBLES = VectorApiKernels.D;
    /** Calls of the warm-up: past C2's invocation threshold (5,000 on HotSpot) with room to spare. */
    static final int WARMUP_CALLS = 12_000;
    /** Elements per warm-up call: 64 whole vectors of 4 doubles and a tail for every species up to 512 bits. */
    static final int WARMUP_LENGTH = 259;

    private final java.util.Set<String> warmed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public String library() {
        return "vector-api";
    }

    @Override
    public String version() {
        return VectorApiRuntime.describe();
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        if (!ArrayCall.javaType(dtype)) {
            throw new UnsupportedOpException("the Vector API has no " + dtype.id() + " vectors (Java "
                    + Runtime.version().feature() + " has FloatVector and DoubleVector only)");
        }
        if (op.kind() != OpKind.ELEMENTWISE) {
            throw new UnsupportedOpException("the Vector API has no " + op.id() + " operator over a whole array; a loop of vectors is user code");
        }
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + inputs.size());
        }
        warmUp(op, dtype);
        if (dtype == DType.FLOAT32) {
            float[][] in = ArrayCall.floats(inputs, length);
            float[] out = new float[length];
            return call(op.arity() == 1 ? VectorApiKernels.unary(op, in[0], out) : VectorApiKernels.binary(op, in[0], in[1], out), out, op);
        }
        double[][] in = ArrayCall.doubles(inputs, length);
        double[] out = new double[length];
        return call(op.arity() == 1 ? VectorApiKernels.unary(op, in[0], out) : VectorApiKernels.binary(op, in[0], in[1], out), out, op);
    }

    /**
     * Runs the op's loop until C2 has compiled it, once per op and dtype, before any result is kept.
     * Until then the operators run their Java fallback, whose results differ from the intrinsic's
     * (float tanh: 8 lanes of 4,096 on Java 17, AVX2): a project's hot loops get the compiled
     * code, so that is what is measured. The worker runs with -Xbatch, so each compilation is
     * finished when the call that triggered it returns; the length is not a multiple of any
     * species, so the masked tail is compiled too.
     */
    private void warmUp(Op op, DType dtype) throws UnsupportedOpException {
        if (!warmed.add(op.id() + "/" + dtype.id())) {
            return;
        }
        ArrayCall.Body loop;
        if (dtype == DType.FLOAT32) {
            float[] a = new float[WARMUP_LENGTH];
            for (int i = 0; i < a.length; i++) {
                a[i] = 0.5f + i / (float) a.length;
            }
            loop = op.arity() == 1 ? VectorApiKernels.unary(op, a, new float[a.length]) : VectorApiKernels.binary(op, a, a, new float[a.length]);
        } else {
            double[] a = new double[WARMUP_LENGTH];
            for (int i = 0; i < a.length; i++) {
                a[i] = 0.5 + i / (double) a.length;
            }
            loop = op.arity() == 1 ? VectorApiKernels.unary(op, a, new double[a.length]) : VectorApiKernels.binary(op, a, a, new double[a.length]);
        }
        if (loop == null) {
            return;
        }
        PreparedCall call = ArrayCall.of(loop, null);
        for (int i = 0; i < WARMUP_CALLS; i++) {
            call.call();
        }
    }

    private static PreparedCall call(ArrayCall.Body loop, Object out, Op op) throws UnsupportedOpException {
        if (loop == null) {
            throw new UnsupportedOpException("the Vector API has no " + op.id() + " operator (jdk.incubator.vector.VectorOperators)");
        }
        return ArrayCall.of(loop, out);
    }
}
