package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Raw little-endian arrays as the worker protocol hands them over. */
final class Buffers {
    private Buffers() {
    }

    static ByteBuffer floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer;
    }

    static ByteBuffer doubles(double... values) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        return buffer;
    }

    static float[] toFloats(ByteBuffer buffer, int length) {
        float[] values = new float[length];
        buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    static double[] toDoubles(ByteBuffer buffer, int length) {
        double[] values = new double[length];
        buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }

    static ByteBuffer output(int elements, int bytesPerElement) {
        return ByteBuffer.allocateDirect(elements * bytesPerElement).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Values of any dtype as its raw elements (16-bit formats as their bit patterns, via DType.encode). */
    static ByteBuffer of(DType dtype, double... values) {
        ByteBuffer buffer = output(values.length, dtype.bytes());
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

    /** The first {@code length} raw elements of the dtype, decoded exactly into doubles. */
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
