package io.github.opcompare.backend.hipparchus;

import io.github.opcompare.worker.functions.ScalarMathExecutor;
import io.github.opcompare.worker.op.Op;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.util.FastMath;

/**
 * Catalog ops through Hipparchus' {@link FastMath}, the pure-Java libm many Java numerics projects
 * call instead of {@link Math}: its own tables and polynomials, the same bits on every JVM.
 */
public final class HipparchusExecutor extends ScalarMathExecutor {

    /**
     * Initialises FastMath here, when the worker starts: its class initialiser builds tables of
     * several hundred kilobytes, which would otherwise land in the first timed call (300 ms, past a
     * case's whole timing budget).
     */
    public HipparchusExecutor() {
        FastMath.exp(FastMath.log(2.0));
    }

    @Override
    public String library() {
        return "hipparchus";
    }

    @Override
    public String version() {
        return mavenVersion(FastMath.class, "org.hipparchus", "hipparchus-core") + " org.hipparchus.util.FastMath (Java "
                + System.getProperty("java.version") + "; float32 via (float) of the double function)";
    }

    @Override
    protected DoubleUnaryOperator unary(Op op) {
        return switch (op) {
            case SQRT -> FastMath::sqrt;
            case CBRT -> FastMath::cbrt;
            case EXP -> FastMath::exp;
            case EXPM1 -> FastMath::expm1;
            case LOG -> FastMath::log;
            case LOG10 -> FastMath::log10;
            case LOG1P -> FastMath::log1p;
            case SIN -> FastMath::sin;
            case COS -> FastMath::cos;
            case TAN -> FastMath::tan;
            case ASIN -> FastMath::asin;
            case ACOS -> FastMath::acos;
            case ATAN -> FastMath::atan;
            case SINH -> FastMath::sinh;
            case COSH -> FastMath::cosh;
            case TANH -> FastMath::tanh;
            case ASINH -> FastMath::asinh;
            case ACOSH -> FastMath::acosh;
            case ATANH -> FastMath::atanh;
            case ABS -> FastMath::abs;
            case FLOOR -> FastMath::floor;
            case CEIL -> FastMath::ceil;
            case RINT -> FastMath::rint;
            default -> null;
        };
    }

    @Override
    protected DoubleBinaryOperator binary(Op op) {
        return switch (op) {
            case POW -> FastMath::pow;
            case ATAN2 -> FastMath::atan2;
            case MAXIMUM -> FastMath::max;
            case MINIMUM -> FastMath::min;
            default -> null;
        };
    }

    @Override
    protected String missing(Op op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MOD, NEG, SQUARE, RECIPROCAL -> "Hipparchus has no " + op.id()
                    + " function: Java code writes the operator, which the jdk backend runs";
            default -> "Hipparchus' FastMath has no " + op.id() + " function";
        };
    }
}
