package io.github.opcompare.engine.reference;

import java.math.BigInteger;

/**
 * Exact summation of finite doubles: a superaccumulator with one long per binary exponent, each
 * flushed into a BigInteger before it can overflow. Every double is m * 2^(E-1075) for its biased
 * exponent E (≥ 1), so the total is an integer multiple of 2^-1074 and nothing is ever rounded.
 */
final class ExactSum {
    /** A long holds 2^10 signed 53-bit mantissas without overflow. */
    private static final int FLUSH_EVERY = 1 << 10;
    private final long[] bins = new long[2048];
    private final int[] counts = new int[2048];
    private BigInteger total = BigInteger.ZERO;
    /** Exact terms finer than 2^-1074 or beyond the double range (products of doubles); null while none. */
    private ExactRounding.Binary extra;

    void add(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = DoubleBits.exponentField(bits);
        long m = DoubleBits.significand(bits);
        bins[biased] += bits < 0 ? -m : m;
        if (++counts[biased] == FLUSH_EVERY) {
            flush(biased);
        }
    }

    private void flush(int biased) {
        total = total.add(BigInteger.valueOf(bins[biased]).shiftLeft(biased - 1));
        bins[biased] = 0;
        counts[biased] = 0;
    }

    /** Adds an exact binary number of any size. */
    void add(ExactRounding.Binary b) {
        extra = extra == null ? b : extra.add(b);
    }

    /** The sum so far (as mantissa * 2^-1074 unless finer terms were added). */
    ExactRounding.Binary value() {
        for (int b = 0; b < bins.length; b++) {
            if (counts[b] != 0) {
                flush(b);
            }
        }
        ExactRounding.Binary sum = new ExactRounding.Binary(total, -1074);
        return extra == null ? sum : sum.add(extra);
    }

    /** Starts again from zero, so that one accumulator serves many sums without reallocation. */
    void reset() {
        java.util.Arrays.fill(bins, 0);
        java.util.Arrays.fill(counts, 0);
        total = BigInteger.ZERO;
        extra = null;
    }
}
