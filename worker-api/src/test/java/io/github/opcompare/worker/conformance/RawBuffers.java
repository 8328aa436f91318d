package io.github.opcompare.worker.conformance;

import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Values of any dtype as the raw little-endian elements {@link io.github.opcompare.worker.OpExecutor#prepare}
 * takes (16-bit formats as their bit patterns), and back: for a backend's own tests of its executor.
 */
public final class RawBuffers {
    private RawBuffers() {
    }

    /** A direct buffer holding the values as elements of the dtype, rounded to it by {@link DType#encode}. */
    public static ByteBuffer of(DType dtype, double... values) {
        ByteBuffer buffer = output(dtype, values.length);
        for (int i = 0; i < values.length; i++) {
            long bits = dtype.encode(values[i]);
            switch (dtype.bytes()) {
                case 2 -> buffer.putShort(i * 2, (short) bits);
                case 4 -> buffer.putInt(i * 4, (int) bits);
                default -> buffer.putLong(i * 8, bits);
            }
        }
        return buffer;
    }

    /** Room for {@code length} elements of the dtype, for {@link io.github.opcompare.worker.PreparedCall#writeResult}. */
    public static ByteBuffer output(DType dtype, int length) {
        return ByteBuffer.allocateDirect(length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The first {@code length} elements of the dtype, decoded exactly. */
    public static double[] values(ByteBuffer buffer, DType dtype, int length) {
        ByteBuffer le = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            long bits = switch (dtype.bytes()) {
                case 2 -> le.getShort(i * 2) & 0xffffL;
                case 4 -> le.getInt(i * 4) & 0xffffffffL;
                default -> le.getLong(i * 8);
            };
            values[i] = dtype.decode(bits);
        }
        return values;
    }
}
