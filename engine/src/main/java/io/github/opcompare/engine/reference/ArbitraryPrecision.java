package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The slow, trusted tier: evaluates a function with apfloat at a requested number of decimal
 * digits. Apfloat tracks precision but does not promise the last digits, so callers treat the
 * result as good to {@link #GUARD_DIGITS} fewer digits than its reported precision. Each op adds
 * the digits its argument costs (the integer part for argument reduction and scaling, the
 * cancellation near a zero of the result), so that the result keeps the requested digits.
 */
final class ArbitraryPrecision {
    static final int GUARD_DIGITS = 6;
    /** Argument reduction of sin, cos and tan: doubles come within 2^-61 of multiples of π/2. */
    private static final int REDUCTION_DIGITS = 25;

    /** A decimal approximation whose relative error is below 10^-goodDigits. */
    record Result(BigDecimal value, int goodDigits) {
    }

    static {
        ApfloatSetup.ensure();
    }

    private ArbitraryPrecision() {
    }

    static Result evaluate(Op op, double x, int digits) {
        return evaluate(op, x, 0, digits);
    }

    /** op(x) for unary ops, op(x, y) for pow and atan2 (x the first operand). */
    static Result evaluate(Op op, double x, double y, int digits) {
        BigDecimal xd = new BigDecimal(x);
        int extra = 5 + switch (op) {
            case SIN, COS, TAN -> intDigits(x) + REDUCTION_DIGITS;
            case EXP, EXP2, COSH, SIGMOID -> intDigits(x);
            case EXPM1, SINH -> intDigits(x) + smallness(x);
            case LOG, LOG2, LOG10, ACOSH -> smallness(x - 1);
            case LOG1P, TANH, ASIN, ATAN, ASINH, ERF -> smallness(x);
            case ATANH -> smallness(x) + smallness(1 - Math.abs(x));
            case ACOS -> smallness(1 - x);
            // e^x for very negative x: 1 + e^x needs its digits to keep log(1 + e^x).
            case SOFTPLUS -> x < 0 ? (int) (-x / Math.log(10)) + 1 : 0;
            // In case erfc is formed as 1 - erf: erfc(x) ≈ e^-x², so x²/ln 10 digits cancel.
            case ERFC -> x > 0 ? (int) (x * x / Math.log(10)) + 1 : 0;
            case POW -> intDigits(y * Math.log(Math.abs(x))) + smallness(y * Math.log(Math.abs(x)));
            case ATAN2 -> Math.max(0, (int) (Math.log10(Math.abs(y)) - Math.log10(Math.abs(x))) + 1);
            default -> 0;
        };
        long precision = Math.max(xd.precision(), digits + extra);
        Apfloat ax = new Apfloat(xd, precision);
        Apfloat y0 = compute(op, ax, xd, y, precision);
        long good = Math.min(y0.precision(), digits) - GUARD_DIGITS;
        return new Result(new BigDecimal(y0.toString(true)), (int) Math.max(1, good));
    }

    private static Apfloat compute(Op op, Apfloat ax, BigDecimal xd, double y, long precision) {
        Apfloat one = new Apfloat(1, precision);
        return switch (op) {
            case SIN -> ApfloatMath.sin(ax);
            case COS -> ApfloatMath.cos(ax);
            case TAN -> ApfloatMath.tan(ax);
            case EXP -> ApfloatMath.exp(ax);
            case EXP2 -> ApfloatMath.exp(ax.multiply(ApfloatMath.log(new Apfloat(2, precision))));
            case EXPM1 -> ApfloatMath.exp(ax).subtract(one);
            case LOG -> ApfloatMath.log(ax);
            case LOG2 -> ApfloatMath.log(ax).divide(ApfloatMath.log(new Apfloat(2, precision)));
            case LOG10 -> ApfloatMath.log(ax).divide(ApfloatMath.log(new Apfloat(10, precision)));
            case LOG1P -> ApfloatMath.log(exact(xd.add(BigDecimal.ONE), precision));
            case TANH -> ApfloatMath.tanh(ax);
            case SINH -> ApfloatMath.sinh(ax);
            case COSH -> ApfloatMath.cosh(ax);
            case ASIN -> ApfloatMath.asin(ax);
            case ACOS -> ApfloatMath.acos(ax);
            case ATAN -> ApfloatMath.atan(ax);
            case ASINH -> ApfloatMath.asinh(ax);
            case ACOSH -> ApfloatMath.acosh(ax);
            case ATANH -> ApfloatMath.atanh(ax);
            case RSQRT -> ApfloatMath.inverseRoot(ax, 2);
            case CBRT -> ax.signum() < 0 ? ApfloatMath.cbrt(ax.negate()).negate() : ApfloatMath.cbrt(ax);
            case SIGMOID -> one.divide(one.add(ApfloatMath.exp(ax.negate())));
            case SOFTPLUS -> ApfloatMath.log(one.add(ApfloatMath.exp(ax)));
            case ERF -> ApfloatMath.erf(ax);
            case ERFC -> ApfloatMath.erfc(ax);
            case POW -> {
                // Negative x reaches here only with an integer y; its sign is the caller's.
                Apfloat base = ax.signum() < 0 ? ax.negate() : ax;
                Apfloat exponent = exact(new BigDecimal(y), precision);
                Apfloat r = ApfloatMath.exp(exponent.multiply(ApfloatMath.log(base)));
                yield ax.signum() < 0 && BinarySpecialValues.isOddInteger(y) ? r.negate() : r;
            }
            case ATAN2 -> ApfloatMath.atan2(ax, exact(new BigDecimal(y), precision));
            default -> throw new IllegalArgumentException("no arbitrary-precision evaluation for " + op);
        };
    }

    private static Apfloat exact(BigDecimal v, long precision) {
        return new Apfloat(v, Math.max(precision, v.precision()));
    }

    /** Digits of the integer part of |v|. */
    private static int intDigits(double v) {
        double a = Math.abs(v);
        return a < 1 ? 0 : (int) Math.floor(Math.log10(a)) + 1;
    }

    /** Leading zero digits of a small |v| (what a result near zero costs). */
    private static int smallness(double v) {
        double a = Math.abs(v);
        return a >= 1 || a == 0 ? 0 : (int) -Math.floor(Math.log10(a));
    }
}
