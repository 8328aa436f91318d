package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.BFLOAT16;
import static io.github.opcompare.worker.dtype.DType.FLOAT16;
import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Results that underflow keep the sign of the exact value. Where the double-precision first pass
 * underflows, its interval d ± bound straddles zero: one end rounds to -0, the other to +0, and a
 * comparison with {@code ==} took them for one value and answered -0 for a tiny positive result.
 * Expected values are derived by hand: sigmoid, softplus, exp and exp2 are positive everywhere;
 * pow(x, y) is negative only for x < 0 and an odd integer y (C99 Annex F); and a positive exact
 * value below half the smallest subnormal of the dtype rounds to +0.
 */
class SignOfZeroOnUnderflowTest {
    private final ReferenceCalculator reference = new ReferenceCalculator();

    private double rounded(Op op, DType dtype, double x, double y) {
        assertTrue(dtype.represents(x) && dtype.represents(y), x + ", " + y + " in " + dtype.id());
        return reference.element(op, dtype, x, y).rounded();
    }

    private void check(double expected, Op op, DType dtype, double x, double y) {
        double r = rounded(op, dtype, x, y);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(r),
                () -> ReferenceException.call(op, dtype, x, y) + " in " + dtype.id() + ": expected " + expected + ", got " + r);
    }

    /**
     * The special pairs of pow whose exact value is a positive number below every subnormal: a base
     * below 1 in magnitude to the largest finite power (an even integer, as every float of that size
     * is), and the largest finite base to minus itself. C99 Annex F: +0. (In float64, y log|x| itself
     * overflows a double there.)
     */
    @Test
    void powSpecialPairsThatUnderflowArePositiveZero() {
        for (DType dtype : DType.values()) {
            double max = dtype.maxValue();
            double[] belowOne = {dtype.minSubnormal(), dtype.minNormal() - dtype.minSubnormal(), dtype.minNormal()};
            for (double x : belowOne) {
                check(0.0, Op.POW, dtype, x, max);
                check(0.0, Op.POW, dtype, -x, max);
            }
            check(0.0, Op.POW, dtype, max, -max);
            check(0.0, Op.POW, dtype, -max, -max);
        }
    }

    /** Every special pair whose reference is a zero: the zero has the sign of the exact value. */
    @Test
    void everyZeroAmongThePowSpecialPairsHasTheSignOfTheExactValue() {
        for (DType dtype : DType.values()) {
            Values special = DomainParser.parse("special").generate(dtype, 0, 0);
            int zeros = 0;
            for (int i = 0; i < special.length(); i++) {
                for (int j = 0; j < special.length(); j++) {
                    double x = special.get(i);
                    double y = special.get(j);
                    if (x == 0 || !Double.isFinite(x) || y == 0 || !Double.isFinite(y)) {
                        continue;
                    }
                    double r = rounded(Op.POW, dtype, x, y);
                    if (r == 0) {
                        zeros++;
                        boolean negative = x < 0 && Math.abs(y) < 0x1p53 && y == Math.rint(y) && Math.abs(y % 2) == 1;
                        assertEquals(negative, Double.doubleToRawLongBits(r) < 0, "pow(" + x + ", " + y + ") in " + dtype.id() + " = " + r);
                    }
                }
            }
            assertTrue(zeros >= 8, zeros + " zeros in " + dtype.id());
        }
    }

    /** sigmoid(-750) = 1/(1 + e^750) ≈ e^-750 ≈ 1.9e-326, softplus(-750) = log(1 + e^-750) ≈ the same: below 2^-1075. */
    @Test
    void sigmoidAndSoftplusFarBelowZeroArePositiveZero() {
        for (DType dtype : new DType[] {FLOAT32, FLOAT16, FLOAT64}) {
            check(0.0, Op.SIGMOID, dtype, -750, 0);
            check(0.0, Op.SOFTPLUS, dtype, -750, 0);
        }
        // 750 needs 9 significant bits: bfloat16 has 748 and 752.
        check(0.0, Op.SIGMOID, BFLOAT16, -752, 0);
        check(0.0, Op.SOFTPLUS, BFLOAT16, -752, 0);
        // Where e^x is subnormal in double: sigmoid(-744) ≈ e^-744 ≈ 7.67e-324 = 1.55 × 2^-1074, nearer 2^-1073 than 2^-1074.
        check(0.0, Op.SIGMOID, FLOAT32, -744, 0);
        check(0x1p-1073, Op.SIGMOID, FLOAT64, -744, 0);
    }

    /** 2^-1080.5 lies below 2^-1075, half the smallest subnormal of any dtype: +0. */
    @Test
    void exp2OfNonIntegersBelowMinus1074IsPositiveZero() {
        check(0.0, Op.EXP2, FLOAT32, -1080.5, 0);
        check(0.0, Op.EXP2, FLOAT32, -1074.25, 0);
        check(0.0, Op.EXP2, FLOAT64, -1080.5, 0);
        // 2^-1074.25 = 0.84 × 2^-1074: nearer the smallest subnormal than 0.
        check(Double.MIN_VALUE, Op.EXP2, FLOAT64, -1074.25, 0);
    }

    /**
     * Every 17th float32 in [-800, -740] for sigmoid and softplus (their exact values are below
     * e^-740 < 2^-1067, so +0 in float32), and every float16 and bfloat16 there.
     */
    @Test
    void sigmoidAndSoftplusSweepsBelowTheDoubleRangeArePositiveZero() {
        for (Op op : new Op[] {Op.SIGMOID, Op.SOFTPLUS, Op.EXP}) {
            for (int bits = Float.floatToRawIntBits(-740f); bits <= Float.floatToRawIntBits(-800f); bits += 17) {
                check(0.0, op, FLOAT32, Float.intBitsToFloat(bits), 0);
            }
            for (DType dtype : new DType[] {FLOAT16, BFLOAT16}) {
                // Their spacing there is 0.5 and 4.
                for (double x = -740; x >= -800; x -= 0.25) {
                    if (dtype.represents(x)) {
                        check(0.0, op, dtype, x, 0);
                    }
                }
            }
        }
    }

    /** float32 exp2 for every 3rd float in (-1100, -1074): below 2^-1074, +0. */
    @Test
    void exp2SweepBelowTheDoubleRangeIsPositiveZero() {
        for (int bits = Float.floatToRawIntBits(-1074.0001f); bits < Float.floatToRawIntBits(-1100f); bits += 3) {
            check(0.0, Op.EXP2, FLOAT32, Float.intBitsToFloat(bits), 0);
        }
    }

    /**
     * float64 sigmoid, softplus and exp at random points of [-800, -700]: the result is never negative,
     * and it is +0 from x ≤ -745.2 on, where e^x < 2^-1075 (ln 2 × 1075 = 745.13).
     */
    @Test
    void float64SweepKeepsThePositiveSign() {
        Random random = new Random(11);
        for (int t = 0; t < 20_000; t++) {
            double x = -800 + 100 * random.nextDouble();
            for (Op op : new Op[] {Op.SIGMOID, Op.SOFTPLUS, Op.EXP}) {
                double r = rounded(op, FLOAT64, x, 0);
                assertTrue(Double.doubleToRawLongBits(r) >= 0, op.id() + "(" + x + ") = " + r);
                if (x <= -745.2) {
                    assertEquals(0.0, r, op.id() + "(" + x + ")");
                }
            }
        }
    }

    /**
     * pow at random pairs whose exact value lies far below 2^-1100 (|y log2|x|| > 1200, the base below
     * 1 in magnitude with y > 0 or above 1 with y < 0): +0, or -0 for a negative base and an odd
     * integer exponent. Odd integers exist only below 2^p in each dtype.
     */
    @Test
    void powSweepHasTheSignOfTheExactValue() {
        Random random = new Random(5);
        for (DType dtype : new DType[] {FLOAT32, FLOAT16, BFLOAT16}) {
            int tested = 0;
            int negative = 0;
            while (tested < 5000) {
                double x = dtype.round(Math.scalb(random.nextDouble(), -random.nextInt(40)) * (random.nextBoolean() ? 1 : -1));
                double oddInteger = 2 * Math.floor(random.nextDouble() * Math.scalb(1.0, dtype.precision() - 2)) + 1;
                double y = switch (random.nextInt(3)) {
                    case 0 -> oddInteger;
                    case 1 -> oddInteger + 1;
                    default -> dtype.round(Math.scalb(1 + random.nextDouble(), 10 + random.nextInt(dtype.maxExponent() - 10)));
                };
                if (x == 0 || !dtype.represents(y)) {
                    continue;
                }
                if (random.nextBoolean()) {
                    // The reciprocal base (rounded, so only roughly) to the opposite power: tiny again.
                    x = dtype.round(1 / x);
                    y = -y;
                }
                if (!Double.isFinite(x) || y * Math.log(Math.abs(x)) / Math.log(2) > -1200) {
                    continue;
                }
                if (x < 0 && y != Math.rint(y)) {
                    x = -x; // a negative base to a non-integer power is NaN
                }
                tested++;
                boolean odd = Math.abs(y) < 0x1p53 && y == Math.rint(y) && Math.abs(y % 2) == 1;
                if (x < 0 && odd) {
                    negative++;
                }
                check(x < 0 && odd ? -0.0 : 0.0, Op.POW, dtype, x, y);
            }
            assertTrue(negative > 100, negative + " negative results in " + dtype.id());
        }
    }
}
