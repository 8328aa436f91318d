package io.github.opcompare.engine.reference;

import io.github.opcompare.engine.dtype.DType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes the columns of {@link ExactResults} as raw bits and reads them back, for the reference
 * cache. It lives beside ExactResults so that results can be rebuilt without giving everyone a
 * way to fill or change one: outsiders still get only finished, read-only results.
 */
public final class ExactResultsColumns {
    /** Bytes per output: rounded, hi and lo as double bits, scale and pass as ints. */
    public static final int BYTES_PER_OUTPUT = 3 * Double.BYTES + 2 * Integer.BYTES;

    private ExactResultsColumns() {
    }

    /** Column by column (all rounded values, then all hi, ...): raw bits, so NaN and -0.0 come back as they were. */
    public static void write(ExactResults results, DataOutput out) throws IOException {
        int n = results.length();
        for (int i = 0; i < n; i++) {
            out.writeLong(Double.doubleToRawLongBits(results.rounded(i)));
        }
        for (int i = 0; i < n; i++) {
            out.writeLong(Double.doubleToRawLongBits(results.exactHi(i)));
        }
        for (int i = 0; i < n; i++) {
            out.writeLong(Double.doubleToRawLongBits(results.exactLo(i)));
        }
        for (int i = 0; i < n; i++) {
            out.writeInt(results.exactScale(i));
        }
        for (int i = 0; i < n; i++) {
            out.writeInt(results.pass(i));
        }
    }

    /** Reads what {@link #write} wrote for {@code length} outputs. */
    public static ExactResults read(DataInput in, DType dtype, int length) throws IOException {
        double[] rounded = readDoubles(in, length);
        double[] hi = readDoubles(in, length);
        double[] lo = readDoubles(in, length);
        int[] scale = readInts(in, length);
        ExactResults results = new ExactResults(dtype, length);
        for (int i = 0; i < length; i++) {
            // The canonical constructors, not ExactValue.normalized: the value comes back as stored.
            results.set(i, new ExactElement(rounded[i], new ExactValue(hi[i], lo[i], scale[i]), in.readInt()));
        }
        return results;
    }

    private static double[] readDoubles(DataInput in, int length) throws IOException {
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        return a;
    }

    private static int[] readInts(DataInput in, int length) throws IOException {
        int[] a = new int[length];
        for (int i = 0; i < length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }
}
