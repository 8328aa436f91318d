package io.github.opcompare.backend.jdk;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Runs catalog ops the way Java code does: {@link Math} (with the JIT's intrinsics, so results may
 * depend on the CPU and the JDK build) or {@link StrictMath} (fdlibm, the same bits everywhere).
 *
 * <p>float32: the JDK has float overloads only for a few functions (max, min, abs). For sqrt, exp,
 * log, sin, cos and tanh a Java programmer writes {@code (float) Math.exp(x)}, widening to double
 * and rounding the double result to float, so that is what runs here. Arithmetic uses Java's float
 * operators. Reductions are not JDK functions (a summing loop is the user's code, not the JDK's), so
 * they are answered unsupported.
 */
public final class JdkExecutor implements OpExecutor {
    private final boolean strict;

    public JdkExecutor(boolean strict) {
        this.strict = strict;
    }

    @Override
    public String library() {
        return strict ? "jdk-strict" : "jdk";
    }

    @Override
    public String version() {
        return System.getProperty("java.version") + " " + (strict ? "java.lang.StrictMath" : "java.lang.Math")
                + " (" + System.getProperty("java.vm.name") + "; float32 via (float) of the double function)";
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            throw new UnsupportedOpException(noArithmetic(dtype));
        }
        if (op.kind() != io.github.opcompare.worker.op.OpKind.ELEMENTWISE) {
            throw new UnsupportedOpException("the JDK has no " + op + " function; a loop over an array is user code, not a JDK op");
        }
        if (MISSING.containsKey(op)) {
            throw new UnsupportedOpException(MISSING.get(op));
        }
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + inputs.size());
        }
        return dtype == DType.FLOAT32 ? floatCall(op, inputs, length) : doubleCall(op, inputs, length);
    }

    /**
     * Why the JDK has no result in a dtype other than float and double. Computing in float and
     * rounding to 16 bits would be an emulation, a result no Java program gets from the JDK, so these
     * dtypes are unsupported rather than faked.
     */
    static String noArithmetic(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> "the JDK has no float16 arithmetic: Java " + Runtime.version().feature()
                    + " has no half-precision type, and Math and StrictMath have no float16 functions"
                    + " (Java 20's Float.float16ToFloat only converts)";
            case BFLOAT16 -> "the JDK has no bfloat16 arithmetic: Java has no bfloat16 type, and Math and"
                    + " StrictMath have no bfloat16 functions";
            default -> "the JDK has no " + dtype + " type";
        };
    }

    private DoubleUnaryOperator unary(Op op) {
        return switch (op) {
            case SQRT -> strict ? StrictMath::sqrt : Math::sqrt;
            case EXP -> strict ? StrictMath::exp : Math::exp;
            case LOG -> strict ? StrictMath::log : Math::log;
            case SIN -> strict ? StrictMath::sin : Math::sin;
            case COS -> strict ? StrictMath::cos : Math::cos;
            case TANH -> strict ? StrictMath::tanh : Math::tanh;
            case ABS -> Math::abs;
            case NEG -> a -> -a;
            // Java has no square or reciprocal function: Java code writes the operators, as for add.
            case SQUARE -> a -> a * a;
            case RECIPROCAL -> a -> 1 / a;
            case CBRT -> strict ? StrictMath::cbrt : Math::cbrt;
            case EXPM1 -> strict ? StrictMath::expm1 : Math::expm1;
            case LOG10 -> strict ? StrictMath::log10 : Math::log10;
            case LOG1P -> strict ? StrictMath::log1p : Math::log1p;
            case TAN -> strict ? StrictMath::tan : Math::tan;
            case ASIN -> strict ? StrictMath::asin : Math::asin;
            case ACOS -> strict ? StrictMath::acos : Math::acos;
            case ATAN -> strict ? StrictMath::atan : Math::atan;
            case SINH -> strict ? StrictMath::sinh : Math::sinh;
            case COSH -> strict ? StrictMath::cosh : Math::cosh;
            case FLOOR -> strict ? StrictMath::floor : Math::floor;
            case CEIL -> strict ? StrictMath::ceil : Math::ceil;
            // rint rounds halfway cases to even, as the catalog's rint.
            case RINT -> strict ? StrictMath::rint : Math::rint;
            default -> null;
        };
    }

    private DoubleBinaryOperator binaryDouble(Op op) {
        return switch (op) {
            case ADD -> (a, b) -> a + b;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case MAXIMUM -> strict ? StrictMath::max : Math::max;
            case MINIMUM -> strict ? StrictMath::min : Math::min;
            case POW -> strict ? StrictMath::pow : Math::pow;
            case ATAN2 -> strict ? StrictMath::atan2 : Math::atan2;
            // Java's % on doubles is C's fmod.
            case MOD -> (a, b) -> a % b;
            default -> null;
        };
    }

    /** Float operands stay float: Java's float operators and the float overloads of max and min. */
    interface FloatBinary {
        float apply(float a, float b);
    }

    private FloatBinary binaryFloat(Op op) {
        return switch (op) {
            case ADD -> (a, b) -> a + b;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case MAXIMUM -> strict ? StrictMath::max : Math::max;
            case MINIMUM -> strict ? StrictMath::min : Math::min;
            case MOD -> (a, b) -> a % b;
            // No float overloads: Java code writes (float) Math.pow(a, b).
            case POW -> strict ? (a, b) -> (float) StrictMath.pow(a, b) : (a, b) -> (float) Math.pow(a, b);
            case ATAN2 -> strict ? (a, b) -> (float) StrictMath.atan2(a, b) : (a, b) -> (float) Math.atan2(a, b);
            default -> null;
        };
    }

    /** Catalog ops the JDK has no function for, with the reason (never emulated by a formula). */
    private static final java.util.Map<Op, String> MISSING = java.util.Map.of(
            Op.RSQRT, "the JDK has no 1/sqrt function (1 / Math.sqrt(x) rounds twice)",
            Op.EXP2, "the JDK has no exp2 function (Math.pow(2, x) is pow)",
            Op.LOG2, "the JDK has no log2 function",
            Op.ASINH, "the JDK has no asinh function",
            Op.ACOSH, "the JDK has no acosh function",
            Op.ATANH, "the JDK has no atanh function",
            Op.SIGMOID, "the JDK has no sigmoid function",
            Op.SOFTPLUS, "the JDK has no softplus function",
            Op.ERF, "the JDK has no erf function",
            Op.ERFC, "the JDK has no erfc function");

    private PreparedCall floatCall(Op op, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        float[] a = new float[length];
        inputs.get(0).asFloatBuffer().get(a);
        float[] out = new float[length];
        if (op.arity() == 1) {
            DoubleUnaryOperator f = unary(op);
            if (f == null) {
                throw new UnsupportedOpException("the JDK backend has no mapping for " + op);
            }
            return new Call(() -> {
                for (int i = 0; i < length; i++) {
                    out[i] = (float) f.applyAsDouble(a[i]);
                }
            }, buffer -> buffer.asFloatBuffer().put(out));
        }
        float[] b = new float[length];
        inputs.get(1).asFloatBuffer().get(b);
        FloatBinary f = binaryFloat(op);
        if (f == null) {
            throw new UnsupportedOpException("the JDK backend has no mapping for " + op);
        }
        return new Call(() -> {
            for (int i = 0; i < length; i++) {
                out[i] = f.apply(a[i], b[i]);
            }
        }, buffer -> buffer.asFloatBuffer().put(out));
    }

    private PreparedCall doubleCall(Op op, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        double[] a = new double[length];
        inputs.get(0).asDoubleBuffer().get(a);
        double[] out = new double[length];
        if (op.arity() == 1) {
            DoubleUnaryOperator f = unary(op);
            if (f == null) {
                throw new UnsupportedOpException("the JDK backend has no mapping for " + op);
            }
            return new Call(() -> {
                for (int i = 0; i < length; i++) {
                    out[i] = f.applyAsDouble(a[i]);
                }
            }, buffer -> buffer.asDoubleBuffer().put(out));
        }
        double[] b = new double[length];
        inputs.get(1).asDoubleBuffer().get(b);
        DoubleBinaryOperator f = binaryDouble(op);
        if (f == null) {
            throw new UnsupportedOpException("the JDK backend has no mapping for " + op);
        }
        return new Call(() -> {
            for (int i = 0; i < length; i++) {
                out[i] = f.applyAsDouble(a[i], b[i]);
            }
        }, buffer -> buffer.asDoubleBuffer().put(out));
    }

    private record Call(Runnable body, java.util.function.Consumer<ByteBuffer> writer) implements PreparedCall {
        @Override
        public void call() {
            body.run();
        }

        @Override
        public void writeResult(ByteBuffer out) {
            writer.accept(out);
        }

        @Override
        public void close() {
        }
    }
}
