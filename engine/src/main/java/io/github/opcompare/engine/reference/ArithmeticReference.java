package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;

/**
 * Exact results of the correctly rounded IEEE operations (add, sub, mul, div, sqrt) and of
 * maximum/minimum. The rounded value is the IEEE operation in the dtype itself; the exact value
 * comes from error-free transformations (TwoSum, fma-based TwoProduct, the division and square
 * root remainders by fma), computed on exponent-split operands so that overflow and underflow
 * never cost precision.
 */
final class ArithmeticReference {
    private ArithmeticReference() {
    }

    /**
     * abs, neg, floor, ceil and rint are exact in every dtype (their results are representable);
     * square and reciprocal are the IEEE multiplication x*x and division 1/x, whose exact value the
     * error-free transformations give.
     */
    static ExactElement unary(Op op, double x, DType dtype) {
        switch (op) {
            case ABS:
                return ExactElement.exactly(Math.abs(x));
            case NEG:
                return ExactElement.exactly(-x);
            case FLOOR:
                return ExactElement.exactly(Math.floor(x));
            case CEIL:
                return ExactElement.exactly(Math.ceil(x));
            case RINT:
                // Math.rint rounds halfway cases to even: IEEE roundToIntegralTiesToEven.
                return ExactElement.exactly(Math.rint(x));
            case SQUARE:
                return binary(Op.MUL, x, x, dtype);
            case RECIPROCAL:
                return binary(Op.DIV, 1.0, x, dtype);
            case SQRT:
                break;
            default:
                throw new IllegalArgumentException(op.id());
        }
        // Rounding the double square root again is correct for every narrower dtype: 53 ≥ 2p + 2
        // (Figueroa, "When is double rounding innocuous?", 1995), so the double never lands on a midpoint wrongly.
        double rounded = dtype.round(Math.sqrt(x));
        if (Double.isNaN(rounded) || x == 0 || Double.isInfinite(x)) {
            // NaN for x < 0, sqrt(±0) = ±0, sqrt(+Inf) = +Inf: all exact.
            return ExactElement.exactly(rounded);
        }
        Split s = Split.of(x);
        double m = s.m;
        int e = s.e;
        if ((e & 1) != 0) {
            m *= 2;
            e -= 1;
        }
        double r = Math.sqrt(m);
        double rem = Math.fma(-r, r, m);
        return new ExactElement(rounded, ExactValue.of(DoubleDouble.twoSum(r, rem / (2 * r)), e / 2), 0);
    }

    /**
     * sqrt in float32 for the arguments of {@code x[from, to)} in [2^-149, 2^128) (every positive
     * finite float32 value), written into {@code into} exactly as {@link #unary} gives it; the
     * indices of the others (zeros, negatives, NaN, infinities, doubles outside float32's range)
     * are listed, ascending, in {@code left}, for {@link #unary}: how many it returns. One loop
     * without records, where the element-wise path split each argument, allocated three records and
     * called Math.scalb three times (more than half its time).
     *
     * <p>Why the results are {@link #unary}'s bit for bit: unary computes the same steps on m = x·2^-e
     * (e even, 1 ≤ m &lt; 4) and multiplies hi and lo by 2^(e/2) at the end. Multiplying the
     * operands of a correctly rounded operation by powers of two multiplies its result by the
     * matching power exactly while nothing leaves the normal range: sqrt(x) = sqrt(m)·2^(e/2), the
     * fma's remainder x - r² = (m - r_m²)·2^e, the quotient rem/(2r), the sums of TwoSum. Here
     * 2^-149 ≤ x &lt; 2^128, so 2^-75 ≤ r &lt; 2^64: x is a multiple of its ulp (≥ 2^-201) and r² of
     * ulp(r)² ≥ 2^-254, so a nonzero remainder is at least 2^-254, the quotient at least 2^-320 and
     * TwoSum's error term, a multiple of the quotient's ulp, at least 2^-372: all far inside the
     * normal range (from 2^-1022), and none near overflow; the scalings by 2^(e/2), |e/2| ≤ 75, keep
     * them there. The rounding to float32 is the same expression in both. BatchReferenceMatchesElementTest
     * compares the two over the edges and a stride through all float32 values, and
     * ArithmeticAndReductionTest checks the batch against exact BigDecimal squares; once, every
     * positive float32 value was compared, all 2,139,095,039 of them bit for bit (benchmarks/README.md).
     */
    static int sqrtFloat32Block(double[] x, int from, int to, ExactResults into, int[] left) {
        int n = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (v >= 0x1p-149 && v < 0x1p128) {
                double r = Math.sqrt(v);
                double rem = Math.fma(-r, r, v);
                double t = rem / (2 * r);
                // DoubleDouble.twoSum(r, t), inline.
                double hi = r + t;
                double bb = hi - r;
                double lo = (r - (hi - bb)) + (t - bb);
                into.set(i, (float) r, hi, lo, 0, 0);
            } else {
                left[n++] = i;
            }
        }
        return n;
    }

    static ExactElement binary(Op op, double x, double y, DType dtype) {
        double rounded = ieee(op, x, y, dtype);
        if (Double.isNaN(rounded) || op == Op.MAXIMUM || op == Op.MINIMUM || op == Op.MOD) {
            // fmod is always exact: the remainder of x by y is representable in x's format.
            return ExactElement.exactly(rounded);
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return ExactElement.exactly(rounded);
        }
        switch (op) {
            case ADD:
            case SUB: {
                double b = op == Op.ADD ? y : -y;
                DoubleDouble s = DoubleDouble.twoSum(x, b);
                if (Double.isInfinite(s.hi())) {
                    return new ExactElement(rounded, ExactValue.of(DoubleDouble.twoSum(x / 2, b / 2), 1), 0);
                }
                return new ExactElement(rounded, ExactValue.of(s, 0), 0);
            }
            case MUL: {
                if (x == 0 || y == 0) {
                    return ExactElement.exactly(rounded);
                }
                Split a = Split.of(x);
                Split b = Split.of(y);
                return new ExactElement(rounded, ExactValue.of(DoubleDouble.twoProduct(a.m, b.m), a.e + b.e), 0);
            }
            case DIV: {
                if (x == 0 || y == 0) {
                    // 0/y = ±0 exactly; x/0 is a pole: ±Infinity exactly.
                    return ExactElement.exactly(rounded);
                }
                Split a = Split.of(x);
                Split b = Split.of(y);
                double q = a.m / b.m;
                double rem = Math.fma(-q, b.m, a.m);
                return new ExactElement(rounded, ExactValue.of(DoubleDouble.twoSum(q, rem / b.m), a.e - b.e), 0);
            }
            default:
                throw new IllegalArgumentException(op.id());
        }
    }

    /** The IEEE operation in the dtype (float arithmetic for float32, so no double rounding). */
    static double ieee(Op op, double x, double y, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float a = (float) x;
            float b = (float) y;
            return switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case MAXIMUM -> Math.max(a, b);
                case MINIMUM -> Math.min(a, b);
                case MOD -> a % b;
                default -> throw new IllegalArgumentException(op.id());
            };
        }
        if (dtype != DType.FLOAT64) {
            // float16 and bfloat16: the double operation rounded once more is correctly rounded, as
            // for sqrt above (53 ≥ 2p + 2); max, min and fmod are exact anyway.
            return dtype.round(ieee(op, x, y, DType.FLOAT64));
        }
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            // Java's max/min are IEEE 754-2019 maximum/minimum: NaN propagates, -0 < +0.
            case MAXIMUM -> Math.max(x, y);
            case MINIMUM -> Math.min(x, y);
            // Java's % on floating point is C's fmod: truncated quotient, sign of x, exact.
            case MOD -> x % y;
            default -> throw new IllegalArgumentException(op.id());
        };
    }

    /** x = m * 2^e with 1 ≤ |m| < 2, also for subnormal x. */
    private record Split(double m, int e) {
        static Split of(double x) {
            int shift = 0;
            if (Math.abs(x) < Double.MIN_NORMAL) {
                x *= 0x1p64;
                shift = -64;
            }
            int e = Math.getExponent(x);
            return new Split(Math.scalb(x, -e), e + shift);
        }
    }
}
