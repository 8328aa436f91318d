package io.github.opcompare.worker.conformance;

import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Raw little-endian elements by their bit patterns, so that the round-trip check controls every bit
 * (a NaN's, a negative zero's, a subnormal's) rather than going through a conversion of values.
 */
final class RawFiles {
    private RawFiles() {
    }

    static void writeBits(Path file, DType dtype, long[] bits) {
        ByteBuffer buffer = RawArrayFiles.mapForWriting(file, (long) bits.length * dtype.bytes());
        for (int i = 0; i < bits.length; i++) {
            switch (dtype.bytes()) {
                case 2 -> buffer.putShort(i * 2, (short) bits[i]);
                case 4 -> buffer.putInt(i * 4, (int) bits[i]);
                default -> buffer.putLong(i * 8, bits[i]);
            }
        }
    }

    static long[] readBits(Path file, DType dtype, int length) {
        ByteBuffer buffer = RawArrayFiles.mapForReading(file, (long) length * dtype.bytes());
        long[] bits = new long[length];
        for (int i = 0; i < length; i++) {
            bits[i] = switch (dtype.bytes()) {
                case 2 -> buffer.getShort(i * 2) & 0xffffL;
                case 4 -> buffer.getInt(i * 4) & 0xffffffffL;
                default -> buffer.getLong(i * 8);
            };
        }
        return bits;
    }
}
