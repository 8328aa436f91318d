package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Values of any dtype as the protocol's raw little-endian elements, and back (16-bit ones as bit patterns). */
final class RawValues {
    private RawValues() {
    }

    /** A direct buffer holding the values as elements of the dtype, rounded to it by DType.encode. */
    static ByteBuffer of(DType dtype, double... values) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
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

    /** The first {@code length} elements of the dtype, decoded exactly. */
    static double[] values(ByteBuffer buffer, DType dtype, int length) {
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
