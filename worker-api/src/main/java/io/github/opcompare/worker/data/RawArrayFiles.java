package io.github.opcompare.worker.data;

import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Raw little-endian arrays in memory-mapped files: the format inputs and outputs cross the process
 * boundary in. Any language reads it ({@code numpy.fromfile(path, '<f4')}), and mapping makes the
 * copy run at memory speed.
 */
public final class RawArrayFiles {
    private RawArrayFiles() {
    }

    /** Writes the values as raw little-endian elements of their dtype, replacing the file. */
    public static void write(Values values, Path file) {
        ByteBuffer buffer = mapForWriting(file, (long) values.length() * values.dtype().bytes());
        putAll(values, buffer);
    }

    /** Reads {@code length} elements of the dtype from the start of the file. */
    public static Values read(Path file, DType dtype, int length) {
        ByteBuffer buffer = mapForReading(file, (long) length * dtype.bytes());
        double[] data = new double[length];
        if (dtype == DType.FLOAT32) {
            var floats = buffer.asFloatBuffer();
            for (int i = 0; i < length; i++) {
                data[i] = floats.get(i);
            }
        } else if (dtype.isHalfWidth()) {
            var shorts = buffer.asShortBuffer();
            for (int i = 0; i < length; i++) {
                data[i] = dtype.decode(shorts.get(i));
            }
        } else {
            buffer.asDoubleBuffer().get(data);
        }
        return new Values(dtype, data);
    }

    /** Puts every value into the buffer at its position, as elements of the values' dtype. */
    public static void putAll(Values values, ByteBuffer buffer) {
        double[] data = values.array();
        if (values.dtype() == DType.FLOAT32) {
            var floats = buffer.asFloatBuffer();
            for (double v : data) {
                floats.put((float) v);
            }
        } else if (values.dtype().isHalfWidth()) {
            var shorts = buffer.asShortBuffer();
            for (double v : data) {
                shorts.put((short) values.dtype().encode(v));
            }
        } else {
            buffer.asDoubleBuffer().put(data);
        }
    }

    /** Maps the first {@code bytes} of an existing file read-only, little-endian. */
    public static ByteBuffer mapForReading(Path file, long bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < bytes) {
                throw new IllegalArgumentException("File " + file + " holds " + channel.size()
                        + " bytes, but " + bytes + " were expected");
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, bytes);
            return mapped.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot map " + file, e);
        }
    }

    /** Creates (or truncates) the file at {@code bytes} long and maps it read-write, little-endian. */
    public static ByteBuffer mapForWriting(Path file, long bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            return mapped.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot map " + file, e);
        }
    }
}
