package io.github.opcompare.engine.reference;

import io.github.opcompare.engine.op.Op;
import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The slow, trusted tier: evaluates a function with apfloat at a requested number of decimal
 * digits. Apfloat tracks precision but does not promise the last digits, so callers treat the
 * result as good to {@link #GUARD_DIGITS} fewer digits than its reported precision.
 */
final class ArbitraryPrecision {
    static final int GUARD_DIGITS = 6;

    /** A decimal approximation whose relative error is below 10^-goodDigits. */
    record Result(BigDecimal value, int goodDigits) {
    }

    static {
        ApfloatSetup.ensure();
    }

    private ArbitraryPrecision() {
    }

    static Result evaluate(Op op, double x, int digits) {
        BigDecimal xd = new BigDecimal(x);
        // Digits the argument itself costs: its integer part for sin/cos/exp (reduction, scaling),
        // the cancellation near 1 for log, and x itself being tiny for tanh ((e^2x - 1) cancels).
        int intDigits = Math.max(0, xd.precision() - xd.scale());
        int extra = switch (op) {
            case SIN, COS -> intDigits + 25;
            case EXP -> intDigits + 5;
            case LOG -> x == 1 ? 0 : Math.max(0, (int) -Math.floor(Math.log10(Math.abs(x - 1)))) + 5;
            case TANH -> Math.max(0, (int) -Math.floor(Math.log10(Math.abs(x)))) + 5;
            default -> throw new IllegalArgumentException("no arbitrary-precision evaluation for " + op);
        };
        long precision = Math.max(xd.precision(), digits + extra);
        Apfloat ax = new Apfloat(xd, precision);
        Apfloat y = switch (op) {
            case SIN -> ApfloatMath.sin(ax);
            case COS -> ApfloatMath.cos(ax);
            case EXP -> ApfloatMath.exp(ax);
            case LOG -> ApfloatMath.log(ax);
            case TANH -> ApfloatMath.tanh(ax);
            default -> throw new IllegalArgumentException("no arbitrary-precision evaluation for " + op);
        };
        long good = Math.min(y.precision(), digits) - GUARD_DIGITS;
        return new Result(new BigDecimal(y.toString(true)), (int) Math.max(1, good));
    }
}
