package io.github.opcompare.engine.reference;

import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;

/**
 * Exact results of exp, log, sin, cos and tanh for one argument, by Ziv's strategy: a cheap
 * evaluation with a known error bound, kept when it decides the rounding, otherwise a more precise
 * one. Passes: 1 = StrictMath (float32 only), 2 = double-double, 3+ = apfloat at growing precision.
 * Special values follow C99 Annex F / IEEE 754 and are settled before any pass.
 */
final class ElementaryReference {
    private final ReferenceSettings settings;

    ElementaryReference(ReferenceSettings settings) {
        this.settings = settings;
    }

    ExactElement compute(Op op, double x, DType dtype) {
        ExactElement special = special(op, x, dtype);
        if (special != null) {
            return special;
        }
        if (dtype == DType.FLOAT32 && settings.fastPassUlps() > 0) {
            ExactElement fast = strictMathPass(op, x);
            if (fast != null) {
                return fast;
            }
        }
        ExactValue dd = doubleDoublePass(op, x);
        Double rounded = RoundingDecision.decide(dd.hi(), dd.lo(), dd.scale(), settings.doubleDoubleError(), dtype);
        if (rounded != null) {
            return new ExactElement(rounded, dd, 2);
        }
        int pass = 3;
        for (int digits = settings.startDigits(); digits <= settings.maxDigits(); digits *= 2, pass++) {
            ArbitraryPrecision.Result r = ArbitraryPrecision.evaluate(op, x, digits);
            rounded = RoundingDecision.decide(r.value(), r.goodDigits(), dtype);
            if (rounded != null) {
                return new ExactElement(rounded, ExactValue.of(r.value()), pass);
            }
        }
        throw new IllegalStateException("Cannot round " + op + "(" + x + ") to " + dtype + " within " + settings.maxDigits() + " digits");
    }

    private ExactElement strictMathPass(Op op, double x) {
        double d = switch (op) {
            case EXP -> StrictMath.exp(x);
            case LOG -> StrictMath.log(x);
            case SIN -> StrictMath.sin(x);
            case COS -> StrictMath.cos(x);
            case TANH -> StrictMath.tanh(x);
            default -> throw new IllegalArgumentException(op.id());
        };
        double ulps = settings.fastPassUlps() * (op == Op.TANH ? 1.5 : 1.0);
        double bound = ulps * Math.ulp(d);
        float lo = (float) (d - bound);
        float hi = (float) (d + bound);
        return lo == hi ? new ExactElement(lo, ExactValue.of(d), 1) : null;
    }

    private static ExactValue doubleDoublePass(Op op, double x) {
        return switch (op) {
            case EXP -> DoubleDoubleMath.exp(x);
            case LOG -> ExactValue.of(DoubleDoubleMath.log(x), 0);
            case SIN -> ExactValue.of(DoubleDoubleMath.sin(x), 0);
            case COS -> ExactValue.of(DoubleDoubleMath.cos(x), 0);
            case TANH -> ExactValue.of(DoubleDoubleMath.tanh(x), 0);
            default -> throw new IllegalArgumentException(op.id());
        };
    }

    /** Settles NaN, infinities, zeros, poles and arguments whose result is out of range; null otherwise. */
    private static ExactElement special(Op op, double x, DType dtype) {
        if (Double.isNaN(x)) {
            return ExactElement.nan();
        }
        switch (op) {
            case EXP:
                if (x == 0) {
                    return ExactElement.exactly(1.0);
                }
                if (Double.isInfinite(x)) {
                    return ExactElement.exactly(x > 0 ? x : 0.0);
                }
                if (Math.abs(x) >= (dtype == DType.FLOAT32 ? 700 : 1500)) {
                    return expOutOfRange(x);
                }
                return null;
            case LOG:
                if (x < 0) {
                    return ExactElement.nan();
                }
                if (x == 0) {
                    return ExactElement.exactly(Double.NEGATIVE_INFINITY);
                }
                if (x == 1 || x == Double.POSITIVE_INFINITY) {
                    return ExactElement.exactly(x == 1 ? 0.0 : x);
                }
                return null;
            case SIN:
            case COS:
                if (Double.isInfinite(x)) {
                    return ExactElement.nan();
                }
                if (x == 0) {
                    return ExactElement.exactly(op == Op.SIN ? x : 1.0);
                }
                return null;
            case TANH:
                if (x == 0 || Math.abs(x) < 0x1p-500) {
                    // tanh x = x - x³/3: the x³ term is far below half an ulp of x, even for subnormals.
                    return new ExactElement(x, ExactValue.of(x), 0);
                }
                if (Math.abs(x) > 40) {
                    // 1 - 2e^-2|x| with the correction below 2^-115: 1 is the rounding in every dtype.
                    double one = Math.copySign(1.0, x);
                    return new ExactElement(one, new ExactValue(one, -one * 2 * Math.exp(-2 * Math.abs(x)), 0), 0);
                }
                return null;
            default:
                throw new IllegalArgumentException("not an elementary function: " + op.id());
        }
    }

    /** exp far beyond the range of every dtype: rounds to +Infinity or +0; the exact value is only approximate in its last digits. */
    private static ExactElement expOutOfRange(double x) {
        double k = Math.rint(x / Math.log(2));
        double scale = Math.max(-ExactValue.SATURATED_SCALE, Math.min(ExactValue.SATURATED_SCALE, k));
        double hi = Math.abs(k) >= ExactValue.SATURATED_SCALE ? 1.0 : Math.exp(x - k * Math.log(2));
        return new ExactElement(x > 0 ? Double.POSITIVE_INFINITY : 0.0, new ExactValue(hi, 0.0, (int) scale), 0);
    }
}
