package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;

/**
 * The second pass: a double-double evaluation with its relative error bound, for the ops that have
 * one (bounds derived in {@link DoubleDoubleMath}, {@link DoubleDoubleExpLog},
 * {@link DoubleDoubleHyperbolic}, {@link DoubleDoubleTrigRoots}, {@link DoubleDoubleInverseTrig},
 * {@link DoubleDoubleInverseHyperbolic} and {@link DoubleDoubleErf}). The bound passed on is the
 * claimed base bound (2^-80, with a margin of at least 2^8 over the derived bounds: 2^-88 for the
 * functions built on exp and log, 2^-94 for exp, log, sin, cos and tanh themselves) times a factor that
 * covers each function's derived bound with the same margin.
 */
final class DoubleDoublePass {
    /** A value with its relative error bound. */
    record Approx(ExactValue value, double bound) {
    }

    private DoubleDoublePass() {
    }

    /** The evaluation, or null when the op has no double-double pass here. */
    static Approx evaluate(Op op, double x, double y, double claimedBound) {
        double base = claimedBound;
        return switch (op) {
            case EXP -> new Approx(DoubleDoubleMath.exp(x), base);
            case LOG -> new Approx(ExactValue.of(DoubleDoubleMath.log(x), 0), base);
            case SIN -> new Approx(ExactValue.of(DoubleDoubleMath.sin(x), 0), base);
            case COS -> new Approx(ExactValue.of(DoubleDoubleMath.cos(x), 0), base);
            case TANH -> new Approx(ExactValue.of(DoubleDoubleMath.tanh(x), 0), base);
            case TAN -> new Approx(ExactValue.of(DoubleDoubleTrigRoots.tan(x), 0), base * 2);
            case EXP2 -> new Approx(DoubleDoubleExpLog.exp2(x), base * 2);
            case EXPM1 -> new Approx(DoubleDoubleExpLog.expm1(x), base * 4);
            case LOG2 -> new Approx(ExactValue.of(DoubleDoubleExpLog.log2(x), 0), base * 2);
            case LOG10 -> new Approx(ExactValue.of(DoubleDoubleExpLog.log10(x), 0), base * 2);
            case LOG1P -> new Approx(ExactValue.of(DoubleDoubleExpLog.log1p(x), 0), base * 4);
            case SINH -> new Approx(DoubleDoubleHyperbolic.sinh(x), base * 4);
            case COSH -> new Approx(DoubleDoubleHyperbolic.cosh(x), base * 2);
            case SIGMOID -> new Approx(DoubleDoubleHyperbolic.sigmoid(x), base * 2);
            case SOFTPLUS -> new Approx(DoubleDoubleHyperbolic.softplus(x), base * 4);
            case RSQRT -> new Approx(DoubleDoubleTrigRoots.rsqrt(x), base);
            case CBRT -> new Approx(DoubleDoubleTrigRoots.cbrt(x), base);
            case ERF -> new Approx(DoubleDoubleErf.erf(x), base * 4);
            case ERFC -> {
                DoubleDoubleErf.Approx a = DoubleDoubleErf.erfc(x);
                yield a == null ? null : new Approx(a.value(), Math.max(a.bound(), base * 4));
            }
            // Derived 2^-86.7 (atan kernel and its arguments): claimed 2^-78.
            case ATAN -> new Approx(ExactValue.of(DoubleDoubleInverseTrig.atan(x), 0), base * 4);
            case ASIN -> new Approx(ExactValue.of(DoubleDoubleInverseTrig.asin(x), 0), base * 4);
            case ACOS -> new Approx(ExactValue.of(DoubleDoubleInverseTrig.acos(x), 0), base * 4);
            // atan2 with x the first operand, the numerator (C's y).
            case ATAN2 -> new Approx(DoubleDoubleInverseTrig.atan2(x, y), base * 4);
            // log1p's claimed 2^-78 plus the argument's 2^-101: claimed 2^-77.
            case ASINH -> new Approx(ExactValue.of(DoubleDoubleInverseHyperbolic.asinh(x), 0), base * 8);
            case ACOSH -> new Approx(ExactValue.of(DoubleDoubleInverseHyperbolic.acosh(x), 0), base * 8);
            case ATANH -> new Approx(ExactValue.of(DoubleDoubleInverseHyperbolic.atanh(x), 0), base * 8);
            case POW -> pow(x, y, base);
            default -> null;
        };
    }

    /**
     * x^y = e^t with t = y log|x| for finite nonzero x and non-integer or large y (small integer y is
     * exact, {@link PowExact}). log's relative 2^-80 becomes an absolute |t| 2^-80 in t, a relative
     * one in e^t: bound (1 + |t|) 2^-79. Results beyond every range are settled as such, on a plain
     * double estimate of t: y log|x| overflows for float64 (pow(2^-1074, MAX_VALUE) is about -10^311),
     * which the double-double product would turn into NaN, but the estimate's sign is right.
     */
    private static Approx pow(double x, double y, double base) {
        DoubleDouble log = DoubleDoubleMath.log(Math.abs(x));
        double estimate = log.hi() * y;
        if (Math.abs(estimate) > 1200) {
            ExactElement out = SpecialValues.expOutOfRange(estimate);
            return new Approx(sign(out.exact(), x, y), 0);
        }
        DoubleDouble t = log.mul(y);
        return new Approx(sign(DoubleDoubleExpLog.exp(t), x, y), base * 2 * (1 + Math.abs(t.hi())));
    }

    private static ExactValue sign(ExactValue v, double x, double y) {
        return x < 0 && BinarySpecialValues.isOddInteger(y) ? new ExactValue(-v.hi(), -v.lo(), v.scale()) : v;
    }
}
