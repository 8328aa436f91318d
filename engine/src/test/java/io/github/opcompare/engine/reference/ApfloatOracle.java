package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Expected values for tests: an op evaluated with apfloat from its textbook definition, written here
 * independently of the engine's ArbitraryPrecision (no digit budgets per op, no argument reduction of
 * our own), and rounded with {@link IndependentRounding}. Each value is computed at two precisions 20
 * digits apart; their difference (times 4) bounds the error of the better one, so digits lost to
 * cancellation show instead of hiding, and the precision doubles until the rounding is decided.
 * Only for finite, nonzero results of finite arguments (special values are asserted by hand).
 */
final class ApfloatOracle {
    private static final int START_DIGITS = 60;
    private static final int MAX_DIGITS = 4000;

    static {
        ApfloatSetup.ensure();
    }

    private ApfloatOracle() {
    }

    /** op(x) (y ignored) or op(x, y) for pow and atan2 (x the first operand), correctly rounded to the dtype. */
    static double rounded(Op op, DType dtype, double x, double y) {
        for (int digits = START_DIGITS; digits <= MAX_DIGITS; digits *= 2) {
            BigDecimal v1 = decimal(evaluate(op, x, y, digits));
            BigDecimal v2 = decimal(evaluate(op, x, y, digits + 20));
            BigDecimal floor = v2.abs().movePointLeft(digits - 5);
            BigDecimal error = v1.subtract(v2).abs().multiply(BigDecimal.valueOf(4)).max(floor);
            BigDecimal low = v2.subtract(error);
            BigDecimal high = v2.add(error);
            if (low.signum() == high.signum() && low.signum() != 0) {
                double a = IndependentRounding.round(low, dtype);
                double b = IndependentRounding.round(high, dtype);
                if (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b)) {
                    return a;
                }
            }
        }
        return fail("apfloat cannot decide " + op + "(" + x + ", " + y + ") in " + dtype + " within " + MAX_DIGITS + " digits");
    }

    /** The value at about the given number of significant digits. */
    static Apfloat evaluate(Op op, double x, double y, int digits) {
        Apfloat a = exact(x, digits);
        Apfloat one = new Apfloat(1, digits);
        return switch (op) {
            case EXP -> ApfloatMath.exp(a);
            case EXPM1 -> ApfloatMath.exp(a).subtract(one);
            case EXP2 -> ApfloatMath.pow(new Apfloat(2, digits), a);
            case LOG -> ApfloatMath.log(a);
            case LOG2 -> ApfloatMath.log(a, new Apfloat(2, digits));
            case LOG10 -> ApfloatMath.log(a, new Apfloat(10, digits));
            case LOG1P -> ApfloatMath.log(exact(x, digits).add(one));
            case SQRT -> ApfloatMath.sqrt(a);
            case RSQRT -> one.divide(ApfloatMath.sqrt(a));
            case CBRT -> x < 0 ? ApfloatMath.cbrt(a.negate()).negate() : ApfloatMath.cbrt(a);
            case SIN -> ApfloatMath.sin(a);
            case COS -> ApfloatMath.cos(a);
            case TAN -> ApfloatMath.tan(a);
            case ASIN -> ApfloatMath.asin(a);
            case ACOS -> ApfloatMath.acos(a);
            case ATAN -> ApfloatMath.atan(a);
            case SINH -> ApfloatMath.exp(a).subtract(ApfloatMath.exp(a.negate())).divide(new Apfloat(2, digits));
            case COSH -> ApfloatMath.exp(a).add(ApfloatMath.exp(a.negate())).divide(new Apfloat(2, digits));
            case TANH -> {
                Apfloat e2 = ApfloatMath.exp(a.multiply(new Apfloat(2, digits)));
                yield e2.subtract(one).divide(e2.add(one));
            }
            case ASINH -> x < 0 ? asinh(a.negate(), one).negate() : asinh(a, one);
            case ACOSH -> ApfloatMath.log(a.add(ApfloatMath.sqrt(a.multiply(a).subtract(one))));
            case ATANH -> ApfloatMath.log(one.add(a).divide(one.subtract(a))).divide(new Apfloat(2, digits));
            case SIGMOID -> one.divide(one.add(ApfloatMath.exp(a.negate())));
            case SOFTPLUS -> ApfloatMath.log(one.add(ApfloatMath.exp(a)));
            case ERF -> ApfloatMath.erf(a);
            case ERFC -> ApfloatMath.erfc(a);
            case POW -> {
                Apfloat r = ApfloatMath.exp(exact(y, digits).multiply(ApfloatMath.log(x < 0 ? a.negate() : a)));
                boolean oddInteger = Math.abs(y) < 0x1p53 && y == Math.rint(y) && ((long) y & 1) != 0;
                yield x < 0 && oddInteger ? r.negate() : r;
            }
            case ATAN2 -> ApfloatMath.atan2(a, exact(y, digits));
            default -> throw new IllegalArgumentException("no apfloat definition for " + op);
        };
    }

    /** log(x + sqrt(x² + 1)) for x > 0, free of cancellation. */
    private static Apfloat asinh(Apfloat x, Apfloat one) {
        return ApfloatMath.log(x.add(ApfloatMath.sqrt(x.multiply(x).add(one))));
    }

    /**
     * x exactly (a double has at most 767 significant digits) with the given number of digits beyond
     * its own: apfloat carries an argument's precision into the result, and sin(1e308) keeps only the
     * digits after the 309 of the argument's integer part.
     */
    private static Apfloat exact(double x, int digits) {
        BigDecimal d = new BigDecimal(x);
        return new Apfloat(d, d.precision() + digits);
    }

    private static BigDecimal decimal(Apfloat v) {
        return new BigDecimal(v.toString(true));
    }
}
