package io.github.opcompare.engine.reference.cache;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ExactResultsColumns;
import io.github.opcompare.worker.dtype.DType;

/** Results with chosen column values, given as raw bits. */
final class HandMadeResults {
    /** A NaN with a payload that Double.NaN does not have: a canonicalising copy would lose it. */
    static final long PAYLOAD_NAN = 0x7ff8_0000_dead_beefL;

    private HandMadeResults() {
    }

    /**
     * Four float64 outputs: a NaN with a payload, -0.0, exp(-1000)'s exact value held as hi * 2^-1100
     * (scale != 0, pass 4), and 1/3 as a double-double (pass 2).
     */
    static ExactResults sample() {
        long[] rounded = {PAYLOAD_NAN, Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Double.MIN_VALUE),
            Double.doubleToRawLongBits(1.0 / 3)};
        long[] hi = {PAYLOAD_NAN, Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(1.2345678901234567),
            Double.doubleToRawLongBits(1.0 / 3)};
        long[] lo = {0, Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(-3.0e-17),
            Double.doubleToRawLongBits(1.850371707708594e-17)};
        int[] scale = {0, 0, -1100, 0};
        int[] pass = {0, 0, 4, 2};
        return of(DType.FLOAT64, rounded, hi, lo, scale, pass);
    }

    static ExactResults of(DType dtype, long[] rounded, long[] hi, long[] lo, int[] scale, int[] pass) {
        return ExactResultsColumns.of(dtype, doubles(rounded), doubles(hi), doubles(lo), scale, pass);
    }

    private static double[] doubles(long[] bits) {
        double[] d = new double[bits.length];
        for (int i = 0; i < bits.length; i++) {
            d[i] = Double.longBitsToDouble(bits[i]);
        }
        return d;
    }
}
