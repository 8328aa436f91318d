package io.github.opcompare.backend.commonsmath;

import io.github.opcompare.worker.functions.ScalarMathExecutor;
import io.github.opcompare.worker.op.Op;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.util.FastMath;

/**
 * Catalog ops through Apache Commons Math 3's {@link FastMath}, the pure-Java libm (Hipparchus' ancestor) many projects
 * call instead of {@link Math}: its own tables and polynomials, the same bits on every JVM.
 */
public final class CommonsMathExecutor extends ScalarMathExecutor {

    /**
     * Initialises FastMath here, when the worker starts: its class initialiser builds tables of
     * several hundred kilobytes, which would otherwise land in the first timed call (300 ms, past a
     * case's whole timing budget).
     */
    public CommonsMathExecutor() {
        FastMath.exp(FastMath.log(2.0));
    }

    @Override
    public String library() {
        return "commons-math";
    }

    @Override
    public String version() {
        return mavenVersion(FastMath.class, "org.apache.commons", "commons-math3") + " org.apache.commons.math3.util.FastMath (Java "
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
            case ADD, SUB, MUL, DIV, MOD, NEG, SQUARE, RECIPROCAL -> "Commons Math has no " + op.id()
                    + " function: Java code writes the operator, which the jdk backend runs";
            default -> "Commons Math's FastMath has no " + op.id() + " function";
        };
    }
}
