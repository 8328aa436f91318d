package io.github.opcompare.engine.reference.cache;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Little-endian primitives through one buffer of 1 MB, columns copied in bulk. A million outputs
 * are five million numbers: a stream call per number (DataInputStream) took a third of a second,
 * longer than some references take to compute; a bulk copy per megabyte takes milliseconds.
 * Little-endian like the workers' raw arrays, so that on x86 and ARM a copy is a plain memcpy.
 */
final class Chunked {
    private static final int SIZE = 1 << 20;

    private Chunked() {
    }

    /** Writes through the buffer and keeps a CRC-32C of everything written. */
    static final class Writer {
        private final OutputStream out;
        private final ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Writer(OutputStream out) {
            this.out = out;
        }

        void putInt(int v) throws IOException {
            room(Integer.BYTES).putInt(v);
        }

        void putLong(long v) throws IOException {
            room(Long.BYTES).putLong(v);
        }

        void putBytes(byte[] bytes) throws IOException {
            for (byte b : bytes) {
                room(1).put(b);
            }
        }

        /** Writes what is buffered, then the CRC-32C of all of it (not itself checksummed). */
        void finishWithChecksum() throws IOException {
            drain();
            out.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
            out.flush();
        }

        private ByteBuffer room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                drain();
            }
            return buffer;
        }

        private void drain() throws IOException {
            crc.update(buffer.array(), 0, buffer.position());
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** Reads through the buffer; reading past the end is an {@link EOFException}. */
    static final class Reader {
        private final InputStream in;
        private final ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).flip();

        Reader(InputStream in) {
            this.in = in;
        }

        int getInt() throws IOException {
            return need(Integer.BYTES).getInt();
        }

        long getLong() throws IOException {
            return need(Long.BYTES).getLong();
        }

        /** Fills the array; the raw bits, so NaN payloads and -0.0 come back as they were written. */
        void getDoubles(double[] into) throws IOException {
            for (int done = 0; done < into.length; ) {
                int k = Math.min(into.length - done, need(Double.BYTES).remaining() / Double.BYTES);
                buffer.asDoubleBuffer().get(into, done, k);
                buffer.position(buffer.position() + k * Double.BYTES);
                done += k;
            }
        }

        void getInts(int[] into) throws IOException {
            for (int done = 0; done < into.length; ) {
                int k = Math.min(into.length - done, need(Integer.BYTES).remaining() / Integer.BYTES);
                buffer.asIntBuffer().get(into, done, k);
                buffer.position(buffer.position() + k * Integer.BYTES);
                done += k;
            }
        }

        void getBytes(byte[] into) throws IOException {
            for (int i = 0; i < into.length; i++) {
                into[i] = need(1).get();
            }
        }

        private ByteBuffer need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return buffer;
            }
            buffer.compact();
            int n = in.readNBytes(buffer.array(), buffer.position(), buffer.remaining());
            buffer.position(buffer.position() + n).flip();
            if (buffer.remaining() < bytes) {
                throw new EOFException();
            }
            return buffer;
        }
    }

    /** The CRC-32C of the first {@code length} bytes of the stream. */
    static int crc(InputStream in, long length) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] chunk = new byte[SIZE];
        long left = length;
        while (left > 0) {
            int n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
            if (n == 0) {
                throw new EOFException();
            }
            crc.update(chunk, 0, n);
            left -= n;
        }
        return (int) crc.getValue();
    }
}
