package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.opcompare.worker.dtype.DType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Rounds a real number to a dtype (to nearest, ties to even) with nothing but BigDecimal comparisons,
 * so that tests get expected values without the engine's rounding code (ExactRounding,
 * RoundingDecision, DType.round). The two neighbours of the value are found by bisection over the
 * dtype's positive bit patterns, which are ordered like the values they encode (the pattern after
 * the largest finite one, infinity's, stands for 2^(emax+1), where IEEE overflow begins); the value
 * is then compared with their midpoint. Patterns are decoded here too, float16 by hand.
 */
final class IndependentRounding {
    private IndependentRounding() {
    }

    /** The exact value v rounded to the dtype; a negative value that rounds to zero gives -0.0. */
    static double round(BigDecimal v, DType dtype) {
        if (v.signum() == 0) {
            return 0.0;
        }
        BigDecimal a = v.abs();
        long top = maxFiniteBits(dtype) + 1;
        // The largest pattern whose value is at most a: 0 <= b <= top.
        long lo = 0;
        long hi = top;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (boundary(dtype, mid).compareTo(a) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long bits = lo;
        if (bits < top) {
            BigDecimal below = boundary(dtype, bits);
            BigDecimal above = boundary(dtype, bits + 1);
            int c = a.compareTo(below.add(above).divide(BigDecimal.valueOf(2)));
            if (c > 0 || (c == 0 && (bits & 1) == 1)) {
                bits++;
            }
        }
        double magnitude = bits == top ? Double.POSITIVE_INFINITY : value(dtype, bits);
        return v.signum() < 0 ? -magnitude : magnitude;
    }

    /**
     * The rounding of every number within error of approx; fails the test when they do not all round
     * alike (the approximation is then too coarse to give an expected value).
     */
    static double round(BigDecimal approx, BigDecimal error, DType dtype) {
        BigDecimal low = approx.subtract(error.abs());
        BigDecimal high = approx.add(error.abs());
        double a = round(low, dtype);
        double b = round(high, dtype);
        if (low.signum() != high.signum() || Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b)) {
            fail("cannot round " + approx + " ± " + error.abs() + " to " + dtype + ": " + a + " or " + b);
        }
        return a;
    }

    /**
     * The distance from v to the nearest midpoint between two consecutive values of the dtype, relative
     * to v: how hard v is to round to nearest.
     */
    static BigDecimal relativeDistanceToMidpoint(BigDecimal v, DType dtype) {
        BigDecimal a = v.abs();
        long bits = positiveBitsAtMost(a, dtype);
        BigDecimal below = boundary(dtype, bits);
        BigDecimal above = boundary(dtype, bits + 1);
        BigDecimal midpoint = below.add(above).divide(BigDecimal.valueOf(2));
        // Also the midpoints one step further, in case a lies on a value of the dtype.
        BigDecimal d = a.subtract(midpoint).abs();
        if (bits > 0) {
            d = d.min(a.subtract(below.add(boundary(dtype, bits - 1)).divide(BigDecimal.valueOf(2))).abs());
        }
        return d.divide(a, java.math.MathContext.DECIMAL128);
    }

    private static long positiveBitsAtMost(BigDecimal a, DType dtype) {
        long lo = 0;
        long hi = maxFiniteBits(dtype);
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (boundary(dtype, mid).compareTo(a) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The value of a positive pattern, or 2^(emax+1) for the one after the largest finite value. */
    private static BigDecimal boundary(DType dtype, long bits) {
        if (bits == maxFiniteBits(dtype) + 1) {
            return new BigDecimal(BigInteger.TWO.pow(dtype.maxExponent() + 1));
        }
        return new BigDecimal(value(dtype, bits));
    }

    private static long maxFiniteBits(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> 0x7fefffffffffffffL;
            case FLOAT32 -> 0x7f7fffffL;
            case FLOAT16 -> 0x7bffL;
            case BFLOAT16 -> 0x7f7fL;
        };
    }

    /** The value of a positive finite bit pattern of the dtype. */
    static double value(DType dtype, long bits) {
        return switch (dtype) {
            case FLOAT64 -> Double.longBitsToDouble(bits);
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case BFLOAT16 -> Float.intBitsToFloat((int) bits << 16);
            // 5 exponent bits (bias 15), 10 fraction bits; exponent field 0: subnormals, 2^-24 apart.
            case FLOAT16 -> {
                int e = (int) (bits >> 10) & 0x1f;
                int m = (int) bits & 0x3ff;
                yield e == 0 ? Math.scalb((double) m, -24) : Math.scalb((double) (1024 + m), e - 25);
            }
        };
    }
}
