package io.github.opcompare.engine.reference.cache;

import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ExactResultsColumns;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary layout of one cached reference (big-endian):
 *
 * <pre>
 * int    magic "OPCR"
 * int    format version
 * byte[32] the key (SHA-256)
 * int    dtype id length, then its UTF-8 bytes
 * int    number of outputs n
 * n × (3 doubles + 2 ints), column by column ({@link ExactResultsColumns})
 * int    CRC-32C of everything before it
 * </pre>
 *
 * The stored key guards against a file renamed or copied under another name, the exact length
 * against truncation, the checksum against any other damage: a file that passes all three is
 * the reference it claims to be.
 */
final class CacheFile {
    /** Bump when the layout changes; it is also part of the key. */
    static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x4F504352; // "OPCR"
    private static final int KEY_BYTES = 32;

    private CacheFile() {
    }

    static void write(Path target, ReferenceKey key, ExactResults results) throws IOException {
        AtomicFiles.write(target, out -> {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), new CRC32C());
            DataOutputStream data = new DataOutputStream(checked);
            data.writeInt(MAGIC);
            data.writeInt(FORMAT_VERSION);
            data.write(key.bytes());
            byte[] dtype = results.dtype().id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            data.writeInt(dtype.length);
            data.write(dtype);
            data.writeInt(results.length());
            ExactResultsColumns.write(results, data);
            data.flush();
            data.writeInt((int) checked.getChecksum().getValue());
            data.flush();
        });
    }

    /**
     * The results stored in the file, which must hold the reference of this key with this many
     * outputs of this dtype.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException with what is wrong, when the file is not one this key can use
     */
    static ExactResults read(Path file, ReferenceKey key, DType dtype, int length) throws IOException {
        long size = Files.size(file);
        byte[] dtypeId = dtype.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long expected = 4L + 4 + KEY_BYTES + 4 + dtypeId.length + 4 + (long) length * ExactResultsColumns.BYTES_PER_OUTPUT + 4;
        // Checked before anything is read, so that a damaged length never sizes an allocation.
        if (size != expected) {
            throw new IOException("it has " + size + " bytes, " + expected + " expected");
        }
        CRC32C crc = new CRC32C();
        try (DataInputStream data = new DataInputStream(
                new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
            if (data.readInt() != MAGIC) {
                throw new IOException("it is not an opcompare reference file");
            }
            int version = data.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("it has format " + version + ", " + FORMAT_VERSION + " expected");
            }
            byte[] stored = new byte[KEY_BYTES];
            data.readFully(stored);
            if (!key.matches(stored)) {
                throw new IOException("it holds the reference of another key");
            }
            byte[] storedDtype = new byte[data.readInt() == dtypeId.length ? dtypeId.length : 0];
            data.readFully(storedDtype);
            if (!java.util.Arrays.equals(storedDtype, dtypeId) || data.readInt() != length) {
                throw new IOException("its dtype or length differs from the case's");
            }
            ExactResults results = ExactResultsColumns.read(data, dtype, length);
            int computed = (int) crc.getValue();
            if (data.readInt() != computed) {
                throw new IOException("its checksum does not match its content");
            }
            return results;
        }
    }
}
