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
        if (source.dtype() == DType.FLOAT32) {
            var floats = buffer.asFloatBuffer();
            for (int i = 0; i < size; i++) {
                floats.put((float) from[i % from.length]);
            }
        } else if (source.dtype().isHalfWidth()) {
            var shorts = buffer.asShortBuffer();
            for (int i = 0; i < size; i++) {
                shorts.put((short) source.dtype().encode(from[i % from.length]));
            }
        } else {
            var doubles = buffer.asDoubleBuffer();
            for (int start = 0; start < size; start += from.length) {
                doubles.put(from, 0, Math.min(from.length, size - start));
            }
        }
    }
}
