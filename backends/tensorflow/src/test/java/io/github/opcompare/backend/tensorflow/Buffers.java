package io.github.opcompare.backend.tensorflow;

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
}
