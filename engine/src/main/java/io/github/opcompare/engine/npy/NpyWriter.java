package io.github.opcompare.engine.npy;

import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.worker.dtype.HalfBits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes NumPy's {@code .npy} format: version 1.0 (2.0 when the header would not fit), C order,
 * header padded so the data starts on a 64-byte boundary as NumPy does. The file appears atomically.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /**
     * @param descr {@code <f2}, {@code >f2}, {@code <f4}, {@code >f4}, {@code <f8} or {@code >f8}
     * @param data the elements in C order; each is rounded to the dtype (ties to even)
     */
    public static void write(Path file, String descr, int[] shape, double[] data) throws IOException {
        byte[] content = toBytes(descr, shape, data);
        AtomicFiles.write(file, out -> out.write(content));
    }

    static byte[] toBytes(String descr, int[] shape, double[] data) {
        int itemSize = switch (descr == null ? "" : descr) {
            case "<f2", ">f2" -> 2;
            case "<f4", ">f4" -> 4;
            case "<f8", ">f8" -> 8;
            default -> throw new IllegalArgumentException("Cannot write dtype '" + descr
                    + "'; supported are <f2, >f2, <f4, >f4, <f8, >f8");
        };
        long elements = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + NpyReader.shapeText(shape));
            }
            elements *= d;
        }
        if (elements != data.length) {
            throw new IllegalArgumentException("Shape " + NpyReader.shapeText(shape) + " has " + elements
                    + " elements, but " + data.length + " values were given");
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + NpyReader.shapeText(shape) + ", }";
        int version = dict.length() + 1 + 10 > 65535 ? 2 : 1;
        int prefix = version == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int padding = (64 - total % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        long size = prefix + header.length() + elements * itemSize;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Array too large for one .npy buffer: " + size + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            out.putShort((short) header.length());
        } else {
            out.putInt(header.length());
        }
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        out.order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : data) {
            switch (itemSize) {
                case 2 -> out.putShort((short) HalfBits.fromDouble(v));
                case 4 -> out.putFloat((float) v);
                default -> out.putDouble(v);
            }
        }
        return out.array();
    }
}
