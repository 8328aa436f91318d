package io.github.opcompare.engine.reference.cache;

import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ExactResultsColumns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Results with chosen column values, built from bytes laid out by hand (not by the writer under test). */
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (long v : rounded) {
                out.writeLong(v);
            }
            for (long v : hi) {
                out.writeLong(v);
            }
            for (long v : lo) {
                out.writeLong(v);
            }
            for (int v : scale) {
                out.writeInt(v);
            }
            for (int v : pass) {
                out.writeInt(v);
            }
            return ExactResultsColumns.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), dtype,
                    rounded.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
