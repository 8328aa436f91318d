package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigInteger;

/**
 * Arguments whose result is settled before any evaluation: NaN, infinities, zeros, poles, results
 * outside every dtype's range, arguments so small that f(x) rounds like its first Taylor term, and
 * exact results (log2 of powers of two, exp2 of integers). Values follow C99 Annex F and IEEE 754.
 * Returns null when the argument needs evaluating.
 */
final class SpecialValues {
    /** Below this, f(x) = x (1 + O(x²)) and the O(x²) is far below half an ulp of x, subnormals included. */
    static final double TINY = 0x1p-500;

    private SpecialValues() {
    }

    static ExactElement unary(Op op, double x, DType dtype) {
        if (Double.isNaN(x)) {
            return ExactElement.nan();
        }
        boolean inf = Double.isInfinite(x);
        double a = Math.abs(x);
        switch (op) {
            case RSQRT:
                if (x < 0) {
                    return ExactElement.nan();
                }
                if (x == 0) {
                    return ExactElement.exactly(1 / x); // rSqrt(±0) = ±∞
                }
                if (inf) {
                    return ExactElement.exactly(0.0);
                }
                if (isPowerOfTwo(x) && (exponent(x) & 1) == 0) {
                    return ExactElement.exactly(Math.scalb(1.0, -exponent(x) / 2));
                }
                return null;
            case CBRT:
                return x == 0 || inf ? ExactElement.exactly(x) : null;
            case EXP2:
                return exp2(x, dtype);
            case EXPM1:
                if (x == 0 || x == Double.POSITIVE_INFINITY) {
                    return ExactElement.exactly(x);
                }
                if (x < -100) {
                    // e^x < 2^-144: -1 + e^x rounds to -1 in every dtype.
                    return new ExactElement(-1.0, new ExactValue(-1.0, Math.exp(x), 0), 0);
                }
                if (a < TINY) {
                    return new ExactElement(x, new ExactValue(x, x * x / 2, 0), 0);
                }
                return x >= (dtype == DType.FLOAT64 ? 1500 : 700) ? expOutOfRange(x) : null;
            case LOG2:
            case LOG10:
                if (x < 0) {
                    return ExactElement.nan();
                }
                if (x == 0 || inf) {
                    return ExactElement.exactly(x == 0 ? Double.NEGATIVE_INFINITY : x);
                }
                if (op == Op.LOG2 && isPowerOfTwo(x)) {
                    return ExactElement.exactly(exponent(x));
                }
                if (op == Op.LOG10) {
                    int k = powerOfTen(x);
                    if (k >= 0) {
                        return ExactElement.exactly(k);
                    }
                }
                return null;
            case LOG1P:
                if (x < -1) {
                    return ExactElement.nan();
                }
                if (x == -1) {
                    return ExactElement.exactly(Double.NEGATIVE_INFINITY);
                }
                if (x == 0 || inf) {
                    return ExactElement.exactly(x);
                }
                return a < TINY ? new ExactElement(x, new ExactValue(x, -x * x / 2, 0), 0) : null;
            case TAN:
            case ASIN:
            case ATAN:
            case SINH:
            case ASINH:
            case ATANH:
                return oddFunction(op, x, dtype);
            case ACOS:
                if (a > 1) {
                    return ExactElement.nan();
                }
                if (x == 0) {
                    return constant(Constants.PI_OVER_2, dtype);
                }
                if (x == -1) {
                    return constant(Constants.PI_OVER_2.scalb(1), dtype);
                }
                return x == 1 ? ExactElement.exactly(0.0) : null;
            case COSH:
                if (x == 0) {
                    return ExactElement.exactly(1.0);
                }
                if (inf) {
                    return ExactElement.exactly(Double.POSITIVE_INFINITY);
                }
                return a >= (dtype == DType.FLOAT64 ? 1500 : 700) ? expOutOfRange(a) : null;
            case ACOSH:
                if (x < 1) {
                    return ExactElement.nan();
                }
                if (x == 1 || inf) {
                    return ExactElement.exactly(x == 1 ? 0.0 : x);
                }
                return null;
            case SIGMOID:
                if (x == 0) {
                    return ExactElement.exactly(0.5);
                }
                if (x > DoubleDoubleHyperbolic.LARGE) {
                    // 1 - e^-x with e^-x < 2^-57: rounds to 1 in every dtype.
                    return new ExactElement(1.0, new ExactValue(1.0, -Math.exp(-x), 0), 0);
                }
                return x < -800 ? expOutOfRange(x) : null;
            case SOFTPLUS:
                if (x == Double.POSITIVE_INFINITY) {
                    return ExactElement.exactly(x);
                }
                if (x > DoubleDoubleHyperbolic.LARGE) {
                    // x + e^-x with e^-x < 2^-57 x: rounds to x.
                    return new ExactElement(x, new ExactValue(x, Math.exp(-x), 0), 0);
                }
                return x < -800 ? expOutOfRange(x) : null;
            case ERF:
                if (x == 0) {
                    return ExactElement.exactly(x);
                }
                if (a >= DoubleDoubleErf.ERF_SATURATES) {
                    double one = Math.copySign(1.0, x);
                    return new ExactElement(one, new ExactValue(one, -one * erfcTail(a), 0), 0);
                }
                return null;
            case ERFC:
                if (x == Double.POSITIVE_INFINITY || x >= 27.3) {
                    // erfc(27.3) < 2^-1080: below half the smallest subnormal.
                    return new ExactElement(0.0, ExactValue.of(inf ? 0.0 : erfcTail(x)), 0);
                }
                if (x <= -DoubleDoubleErf.ERF_SATURATES) {
                    return new ExactElement(2.0, new ExactValue(2.0, -erfcTail(a), 0), 0);
                }
                return x == 0 ? ExactElement.exactly(1.0) : null;
            default:
                throw new IllegalArgumentException("no special values for " + op.id());
        }
    }

    /** tan, asin, atan, sinh, asinh, atanh: odd, f(±0) = ±0 and f(x) rounds to x for tiny x. */
    private static ExactElement oddFunction(Op op, double x, DType dtype) {
        double a = Math.abs(x);
        if (op == Op.ASIN && a > 1 || op == Op.ATANH && a > 1) {
            return ExactElement.nan();
        }
        if (op == Op.ASIN && a == 1) {
            return atanOfInfinity(x, dtype); // asin(±1) = ±π/2
        }
        if (op == Op.ATANH && a == 1) {
            return ExactElement.exactly(x / 0.0);
        }
        if (Double.isInfinite(x)) {
            return switch (op) {
                case TAN -> ExactElement.nan();
                case ATAN -> atanOfInfinity(x, dtype);
                default -> ExactElement.exactly(x); // sinh, asinh
            };
        }
        if (x == 0) {
            return ExactElement.exactly(x);
        }
        if (a < TINY) {
            // tan, sinh, asin, atanh: x + x³/k rounds to x; atan, asinh: x - x³/k rounds to x.
            return new ExactElement(x, ExactValue.of(x), 0);
        }
        if (op == Op.SINH && a >= (dtype == DType.FLOAT64 ? 1500 : 700)) {
            ExactElement big = expOutOfRange(a);
            return x > 0 ? big : new ExactElement(-big.rounded(),
                    new ExactValue(-big.exact().hi(), 0, big.exact().scale()), 0);
        }
        return null;
    }

    /** atan(±∞) = ±π/2, rounded from the double-double constant (2^-106 relative). */
    private static ExactElement atanOfInfinity(double x, DType dtype) {
        return constant(x > 0 ? Constants.PI_OVER_2 : Constants.PI_OVER_2.negate(), dtype);
    }

    /** A double-double constant (2^-106 relative) rounded to the dtype. */
    static ExactElement constant(DoubleDouble c, DType dtype) {
        return new ExactElement(RoundingDecision.roundPair(c.hi(), c.lo(), dtype), ExactValue.of(c, 0), 0);
    }

    /** 2^x: exact for integers (rounded once, so 2^-1075 ties to +0), out of range beyond ±1100. */
    private static ExactElement exp2(double x, DType dtype) {
        if (x == Double.POSITIVE_INFINITY) {
            return ExactElement.exactly(x);
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return ExactElement.exactly(0.0);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            int k = (int) x;
            double rounded = ExactRounding.round(BigInteger.ONE, k, dtype);
            return new ExactElement(rounded, ExactValue.normalized(1.0, 0.0, k), 0);
        }
        if (Math.abs(x) >= 1100) {
            double k = Math.floor(x);
            double scale = Math.max(-ExactValue.SATURATED_SCALE, Math.min(ExactValue.SATURATED_SCALE, k));
            double hi = scale == k ? Math.pow(2, x - k) : 1.0;
            return new ExactElement(x > 0 ? Double.POSITIVE_INFINITY : 0.0, new ExactValue(hi, 0.0, (int) scale), 0);
        }
        return null;
    }

    /** e^x far beyond every dtype's range: +Infinity or +0, the exact value approximate in its last digits. */
    static ExactElement expOutOfRange(double x) {
        double k = Math.rint(x / Math.log(2));
        double scale = Math.max(-ExactValue.SATURATED_SCALE, Math.min(ExactValue.SATURATED_SCALE, k));
        double hi = Math.abs(k) >= ExactValue.SATURATED_SCALE ? 1.0 : Math.exp(x - k * Math.log(2));
        return new ExactElement(x > 0 ? Double.POSITIVE_INFINITY : 0.0, new ExactValue(hi, 0.0, (int) scale), 0);
    }

    /** erfc x ≈ e^-x²/(x√π) for large x (relative 1/(2x²)): only the size of a correction that cannot change a rounding. */
    private static double erfcTail(double x) {
        return Math.exp(-x * x) / (x * Math.sqrt(Math.PI));
    }

    static boolean isPowerOfTwo(double x) {
        long bits = Double.doubleToRawLongBits(Math.abs(x));
        return x > 0 && Long.bitCount(DoubleBits.significand(bits)) == 1;
    }

    /** The binary exponent of a positive power of two, subnormals included. */
    static int exponent(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return DoubleBits.exponentField(bits) - 1075 + Long.numberOfTrailingZeros(DoubleBits.significand(bits));
    }

    /** k when x = 10^k exactly (0 ≤ k ≤ 22, the powers of ten a double holds exactly), else -1. */
    static int powerOfTen(double x) {
        double p = 1;
        for (int k = 0; k <= 22; k++, p *= 10) {
            if (x == p) {
                return k;
            }
        }
        return -1;
    }
}
