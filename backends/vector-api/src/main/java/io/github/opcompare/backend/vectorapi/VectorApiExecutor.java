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
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Catalog ops through the JDK's Vector API: {@code FloatVector.lanewise(op)} (or {@code DoubleVector})
 * on the preferred species, over the array in whole vectors and a masked tail, as the API's own
 * examples loop. On x86-64, C2 compiles the transcendental operators to calls into the JDK's SVML
 * library ({@code libjsvml.so}) where it has them; otherwise they fall back to scalar
 * {@code StrictMath}-like Java code, which {@link VectorApiRuntime} reports as far as the JVM can tell.
 * Float operands stay float: the float lanes are computed in float, unlike {@code (float) Math.exp(x)}.
 */
public final class VectorApiExecutor implements OpExecutor {
    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

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
        if (op.arity() == 1) {
            VectorOperators.Unary u = unary(op);
            if (u == null) {
                throw new UnsupportedOpException(missing(op));
            }
            return dtype == DType.FLOAT32 ? floatUnary(u, ArrayCall.floats(inputs, length)[0])
                    : doubleUnary(u, ArrayCall.doubles(inputs, length)[0]);
        }
        VectorOperators.Binary b = binary(op);
        if (b == null) {
            throw new UnsupportedOpException(missing(op));
        }
        return dtype == DType.FLOAT32 ? floatBinary(b, ArrayCall.floats(inputs, length)) : doubleBinary(b, ArrayCall.doubles(inputs, length));
    }

    static VectorOperators.Unary unary(Op op) {
        return switch (op) {
            case ABS -> VectorOperators.ABS;
            case NEG -> VectorOperators.NEG;
            case SQRT -> VectorOperators.SQRT;
            case CBRT -> VectorOperators.CBRT;
            case EXP -> VectorOperators.EXP;
            case EXPM1 -> VectorOperators.EXPM1;
            case LOG -> VectorOperators.LOG;
            case LOG10 -> VectorOperators.LOG10;
            case LOG1P -> VectorOperators.LOG1P;
            case SIN -> VectorOperators.SIN;
            case COS -> VectorOperators.COS;
            case TAN -> VectorOperators.TAN;
            case ASIN -> VectorOperators.ASIN;
            case ACOS -> VectorOperators.ACOS;
            case ATAN -> VectorOperators.ATAN;
            case SINH -> VectorOperators.SINH;
            case COSH -> VectorOperators.COSH;
            case TANH -> VectorOperators.TANH;
            default -> null;
        };
    }

    static VectorOperators.Binary binary(Op op) {
        return switch (op) {
            case ADD -> VectorOperators.ADD;
            case SUB -> VectorOperators.SUB;
            case MUL -> VectorOperators.MUL;
            case DIV -> VectorOperators.DIV;
            // MAX and MIN are Math.max and Math.min per lane: NaN propagates, -0 < +0.
            case MAXIMUM -> VectorOperators.MAX;
            case MINIMUM -> VectorOperators.MIN;
            case POW -> VectorOperators.POW;
            case ATAN2 -> VectorOperators.ATAN2;
            default -> null;
        };
    }

    private static String missing(Op op) {
        return "the Vector API has no " + op.id() + " operator (jdk.incubator.vector.VectorOperators)";
    }

    private static PreparedCall floatUnary(VectorOperators.Unary u, float[] a) {
        float[] out = new float[a.length];
        return ArrayCall.of(() -> {
            int i = 0;
            for (; i < FLOATS.loopBound(a.length); i += FLOATS.length()) {
                FloatVector.fromArray(FLOATS, a, i).lanewise(u).intoArray(out, i);
            }
            if (i < a.length) {
                VectorMask<Float> tail = FLOATS.indexInRange(i, a.length);
                FloatVector.fromArray(FLOATS, a, i, tail).lanewise(u).intoArray(out, i, tail);
            }
        }, out);
    }

    private static PreparedCall doubleUnary(VectorOperators.Unary u, double[] a) {
        double[] out = new double[a.length];
        return ArrayCall.of(() -> {
            int i = 0;
            for (; i < DOUBLES.loopBound(a.length); i += DOUBLES.length()) {
                DoubleVector.fromArray(DOUBLES, a, i).lanewise(u).intoArray(out, i);
            }
            if (i < a.length) {
                VectorMask<Double> tail = DOUBLES.indexInRange(i, a.length);
                DoubleVector.fromArray(DOUBLES, a, i, tail).lanewise(u).intoArray(out, i, tail);
            }
        }, out);
    }

    private static PreparedCall floatBinary(VectorOperators.Binary op, float[][] in) {
        float[] a = in[0];
        float[] b = in[1];
        float[] out = new float[a.length];
        return ArrayCall.of(() -> {
            int i = 0;
            for (; i < FLOATS.loopBound(a.length); i += FLOATS.length()) {
                FloatVector.fromArray(FLOATS, a, i).lanewise(op, FloatVector.fromArray(FLOATS, b, i)).intoArray(out, i);
            }
            if (i < a.length) {
                VectorMask<Float> tail = FLOATS.indexInRange(i, a.length);
                FloatVector.fromArray(FLOATS, a, i, tail).lanewise(op, FloatVector.fromArray(FLOATS, b, i, tail)).intoArray(out, i, tail);
            }
        }, out);
    }

    private static PreparedCall doubleBinary(VectorOperators.Binary op, double[][] in) {
        double[] a = in[0];
        double[] b = in[1];
        double[] out = new double[a.length];
        return ArrayCall.of(() -> {
            int i = 0;
            for (; i < DOUBLES.loopBound(a.length); i += DOUBLES.length()) {
                DoubleVector.fromArray(DOUBLES, a, i).lanewise(op, DoubleVector.fromArray(DOUBLES, b, i)).intoArray(out, i);
            }
            if (i < a.length) {
                VectorMask<Double> tail = DOUBLES.indexInRange(i, a.length);
                DoubleVector.fromArray(DOUBLES, a, i, tail).lanewise(op, DoubleVector.fromArray(DOUBLES, b, i, tail)).intoArray(out, i, tail);
            }
        }, out);
    }
}
