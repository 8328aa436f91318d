package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;

/**
 * Special values of pow and atan2 (C99 Annex F, IEEE 754 pow and atan2), settled before any
 * evaluation; null when the arguments need evaluating. Java's Math.pow differs in one place:
 * it answers NaN for pow(1, NaN), where C, NumPy and IEEE give 1; the reference follows C.
 */
final class BinarySpecialValues {
    private BinarySpecialValues() {
    }

    static ExactElement of(Op op, double x, double y, DType dtype) {
        return switch (op) {
            case POW -> pow(x, y);
            case ATAN2 -> atan2(x, y, dtype);
            default -> throw new IllegalArgumentException(op.id());
        };
    }

    private static ExactElement pow(double x, double y) {
        if (y == 0 || x == 1) {
            return ExactElement.exactly(1.0);
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return ExactElement.nan();
        }
        boolean oddInteger = isOddInteger(y);
        if (x == 0) {
            if (y < 0) {
                return ExactElement.exactly(oddInteger ? 1 / x : Double.POSITIVE_INFINITY);
            }
            return ExactElement.exactly(oddInteger ? x : 0.0);
        }
        if (Double.isInfinite(y)) {
            double a = Math.abs(x);
            if (a == 1) {
                return ExactElement.exactly(1.0);
            }
            return ExactElement.exactly((a < 1) == (y < 0) ? Double.POSITIVE_INFINITY : 0.0);
        }
        if (Double.isInfinite(x)) {
            double magnitude = y < 0 ? 0.0 : Double.POSITIVE_INFINITY;
            return ExactElement.exactly(x < 0 && oddInteger ? -magnitude : magnitude);
        }
        if (x < 0 && y != Math.rint(y)) {
            return ExactElement.nan();
        }
        return null;
    }

    /** atan2(y, x) with y the first operand. */
    private static ExactElement atan2(double y, double x, DType dtype) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return ExactElement.nan();
        }
        double sign = Math.copySign(1.0, y);
        boolean xNegative = x < 0 || (x == 0 && 1 / x < 0);
        if (y == 0) {
            return xNegative ? angle(Constants.PI_OVER_2.scalb(1), sign, dtype) : ExactElement.exactly(y);
        }
        if (Double.isInfinite(y)) {
            if (x == Double.POSITIVE_INFINITY) {
                return angle(Constants.PI_OVER_2.scalb(-1), sign, dtype);
            }
            if (x == Double.NEGATIVE_INFINITY) {
                return angle(Constants.PI_OVER_2.mul(1.5), sign, dtype);
            }
            return angle(Constants.PI_OVER_2, sign, dtype);
        }
        if (x == 0) {
            return angle(Constants.PI_OVER_2, sign, dtype);
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? ExactElement.exactly(0.0 * sign) : angle(Constants.PI_OVER_2.scalb(1), sign, dtype);
        }
        return null;
    }

    private static ExactElement angle(DoubleDouble c, double sign, DType dtype) {
        return SpecialValues.constant(sign < 0 ? c.negate() : c, dtype);
    }

    static boolean isOddInteger(double y) {
        return Math.abs(y) < 0x1p53 && y == Math.rint(y) && ((long) y & 1) != 0;
    }
}
