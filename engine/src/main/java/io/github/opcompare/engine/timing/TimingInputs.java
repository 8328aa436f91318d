package io.github.opcompare.engine.timing;

import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Inputs for timing at sizes other than the case's: the case's own inputs repeated (element i is
 * element i mod L), so every size sees the same mix of values, and values with slow paths in a
 * library (subnormals, huge arguments) weigh the same at every size. Written straight into the
 * memory-mapped file, so a size of 10^7 costs no heap.
 */
public final class TimingInputs {
    private TimingInputs() {
    }

    public static void writeTiled(Values source, int size, Path file) {
        double[] from = source.array();
        if (from.length == 0) {
            throw new IllegalArgumentException("cannot tile an empty input");
        }
        ByteBuffer buffer = RawArrayFiles.mapForWriting(file, (long) size * source.dtype().bytes());
        // Each distinct value is encoded once and the encoded block copied in bulk: encoding a
        // float16 value element by element at 10^6 elements cost more than the copy itself.
        if (source.dtype() == DType.FLOAT32) {
            float[] block = new float[from.length];
            for (int i = 0; i < block.length; i++) {
                block[i] = (float) from[i];
            }
            var floats = buffer.asFloatBuffer();
            for (int start = 0; start < size; start += block.length) {
                floats.put(block, 0, Math.min(block.length, size - start));
            }
        } else if (source.dtype().isHalfWidth()) {
            short[] block = new short[from.length];
            for (int i = 0; i < block.length; i++) {
                block[i] = (short) source.dtype().encode(from[i]);
            }
            var shorts = buffer.asShortBuffer();
            for (int start = 0; start < size; start += block.length) {
                shorts.put(block, 0, Math.min(block.length, size - start));
            }
        } else {
            var doubles = buffer.asDoubleBuffer();
            for (int start = 0; start < size; start += from.length) {
                doubles.put(from, 0, Math.min(from.length, size - start));
            }
        }
    }
}
