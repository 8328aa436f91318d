package io.github.opcompare.engine.domain;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;

/**
 * {@code exhaustive}: every value of the dtype, NaNs, infinities, subnormals and both zeros
 * included; {@code exhaustive(lo,hi)}: every value of the dtype from lo to hi. Values come in
 * increasing order (for the whole dtype: the negative NaNs first, the positive ones last), one per
 * bit pattern, so that -0 and +0 are two inputs.
 *
 * <p>Values are addressed by their ordinal: the bit pattern read as a sign-magnitude integer and
 * mapped onto two's complement, so that consecutive ordinals are neighbouring floats. A range of the
 * dtype is then a range of ordinals, which is what lets a sweep of 2^32 inputs be cut into chunks
 * (and later into shards) without listing them.
 */
public final class ExhaustiveDomain implements InputDomain {
    private final String expression;
    private final Double lo;
    private final Double hi;

    ExhaustiveDomain(String expression, Double lo, Double hi) {
        this.expression = expression;
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public String expression() {
        return expression;
    }

    /** Ordinal of the first value in the dtype. */
    public long firstOrdinal(DType dtype) {
        return lo == null ? minOrdinal(dtype) : ordinal(dtype.round(roundUp(lo, dtype)), dtype);
    }

    /** Ordinal of the last value in the dtype. */
    public long lastOrdinal(DType dtype) {
        return hi == null ? maxOrdinal(dtype) : ordinal(roundDown(hi, dtype), dtype);
    }

    /**
     * How many values the domain has in the dtype (2^32 for all of float32); 0 when lo..hi holds none.
     * All of float64, or a range of it that takes in both signs of large magnitudes, has 2^63 values
     * or more, which a long cannot hold: the count is then {@link Long#MAX_VALUE}, more than any case
     * holds, which is all a caller needs to know (the ordinals give the exact number).
     */
    public long count(DType dtype) {
        long first = firstOrdinal(dtype);
        long last = lastOrdinal(dtype);
        if (last < first) {
            return 0;
        }
        // The true count is 1 to 2^64; the difference wraps to zero or below exactly when it is 2^63 or more.
        long n = last - first + 1;
        return n > 0 ? n : Long.MAX_VALUE;
    }

    /** The count when it fits an int (a case of ordinary size), else -1: such a domain is swept in chunks. */
    @Override
    public int fixedLength(DType dtype) {
        long n = count(dtype);
        return n <= Integer.MAX_VALUE ? (int) n : -1;
    }

    @Override
    public Values generate(DType dtype, int size, long seed) {
        long first = firstOrdinal(dtype);
        int n = (int) Math.min(size, count(dtype));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = valueOf(first + i, dtype);
        }
        return new Values(dtype, v);
    }

    /** The value of an ordinal in the dtype. */
    public static double valueOf(long ordinal, DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> Float.intBitsToFloat(float32Bits(ordinal));
            case FLOAT64 -> Double.longBitsToDouble(ordinal >= 0 ? ordinal : ~ordinal | Long.MIN_VALUE);
            default -> dtype.decode(ordinal >= 0 ? ordinal : ~ordinal | signBit(dtype));
        };
    }

    /** The float32 bit pattern of an ordinal in [-2^31, 2^31). */
    public static int float32Bits(long ordinal) {
        int o = (int) ordinal;
        return o >= 0 ? o : ~o | Integer.MIN_VALUE;
    }

    static long ordinal(double value, DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> {
                int bits = Float.floatToRawIntBits((float) value);
                yield bits >= 0 ? bits : ~(bits & Integer.MAX_VALUE);
            }
            case FLOAT64 -> {
                long bits = Double.doubleToRawLongBits(value);
                yield bits >= 0 ? bits : ~(bits & Long.MAX_VALUE);
            }
            default -> {
                long bits = dtype.encode(value);
                yield (bits & signBit(dtype)) == 0 ? bits : ~(bits & (signBit(dtype) - 1));
            }
        };
    }

    private static long signBit(DType dtype) {
        return 1L << (dtype.bytes() * 8 - 1);
    }

    /** The ordinal of the first negative NaN, below -Infinity. */
    private static long minOrdinal(DType dtype) {
        return dtype == DType.FLOAT64 ? Long.MIN_VALUE : -signBit(dtype);
    }

    private static long maxOrdinal(DType dtype) {
        return dtype == DType.FLOAT64 ? Long.MAX_VALUE : signBit(dtype) - 1;
    }

    /** The smallest value of the dtype that is at least x (-0 for lo = 0, so that both zeros are in). */
    private static double roundUp(double x, DType dtype) {
        if (x == 0) {
            return -0.0;
        }
        double r = dtype.round(x);
        return r >= x ? r : next(r, dtype, true);
    }

    /** The largest value of the dtype that is at most x (+0 for hi = 0). */
    private static double roundDown(double x, DType dtype) {
        if (x == 0) {
            return 0.0;
        }
        double r = dtype.round(x);
        return r <= x ? r : next(r, dtype, false);
    }

    private static double next(double r, DType dtype, boolean up) {
        return switch (dtype) {
            case FLOAT32 -> up ? Math.nextUp((float) r) : Math.nextDown((float) r);
            case FLOAT64 -> up ? Math.nextUp(r) : Math.nextDown(r);
            default -> valueOf(ordinal(r, dtype) + (up ? 1 : -1), dtype);
        };
    }

    @Override
    public String toString() {
        return expression;
    }
}
