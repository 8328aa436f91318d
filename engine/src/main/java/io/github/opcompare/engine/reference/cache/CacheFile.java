package io.github.opcompare.engine.reference.cache;

import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ExactResultsColumns;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The binary layout of one cached reference (little-endian):
 *
 * <pre>
 * int      magic "OPCR"
 * int      format version
 * byte[32] the key (SHA-256)
 * int      length of the dtype id, then its UTF-8 bytes
 * int      number of outputs n
 * long[n]  rounded values, as raw double bits
 * long[n]  exact hi parts, raw double bits
 * long[n]  exact lo parts, raw double bits
 * int[n]   exact scales
 * int[n]   passes that settled the rounding
 * int      CRC-32C of everything before it
 * </pre>
 *
 * The exact size guards against truncation, the checksum against any other damage, the stored
 * key against a whole file copied or renamed under another key's name: a file that passes all
 * three is the reference it claims to be. Size and checksum are checked before anything is
 * parsed, so a damaged length never sizes an allocation.
 */
final class CacheFile {
    /** Bump when the layout changes; it is also part of the key. */
    static final int FORMAT_VERSION = 1;
    /** Bytes per output: rounded, hi and lo as double bits, scale and pass as ints. */
    static final int BYTES_PER_OUTPUT = 3 * Long.BYTES + 2 * Integer.BYTES;
    private static final int MAGIC = 0x5243504F; // "OPCR" in little-endian order
    private static final int KEY_BYTES = 32;

    private CacheFile() {
    }

    /** The size of the file for n outputs of the dtype. */
    static long size(DType dtype, long n) {
        return 4L + 4 + KEY_BYTES + 4 + dtypeId(dtype).length + 4 + n * BYTES_PER_OUTPUT + 4;
    }

    static void write(Path target, ReferenceKey key, ExactResults results) throws IOException {
        AtomicFiles.write(target, out -> {
            Chunked.Writer w = new Chunked.Writer(out);
            int n = results.length();
            w.putInt(MAGIC);
            w.putInt(FORMAT_VERSION);
            w.putBytes(key.bytes());
            byte[] dtype = dtypeId(results.dtype());
            w.putInt(dtype.length);
            w.putBytes(dtype);
            w.putInt(n);
            // Raw bits: NaN payloads and -0.0 come back as they were.
            for (int i = 0; i < n; i++) {
                w.putLong(Double.doubleToRawLongBits(results.rounded(i)));
            }
            for (int i = 0; i < n; i++) {
                w.putLong(Double.doubleToRawLongBits(results.exactHi(i)));
            }
            for (int i = 0; i < n; i++) {
                w.putLong(Double.doubleToRawLongBits(results.exactLo(i)));
            }
            for (int i = 0; i < n; i++) {
                w.putInt(results.exactScale(i));
            }
            for (int i = 0; i < n; i++) {
                w.putInt(results.pass(i));
            }
            w.finishWithChecksum();
        });
    }

    /**
     * The results stored in the file, which must hold the reference of this key with this many
     * outputs of this dtype.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException saying what is wrong, when the file is not one this key can use
     */
    static ExactResults read(Path file, ReferenceKey key, DType dtype, int length) throws IOException {
        long size = Files.size(file);
        long expected = size(dtype, length);
        if (size != expected) {
            throw new IOException("it has " + size + " bytes, " + expected + " expected");
        }
        try (InputStream in = Files.newInputStream(file)) {
            int computed = Chunked.crc(in, size - Integer.BYTES);
            if (new Chunked.Reader(in).getInt() != computed) {
                throw new IOException("its checksum does not match its content");
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            Chunked.Reader r = new Chunked.Reader(in);
            if (r.getInt() != MAGIC) {
                throw new IOException("it is not an opcompare reference file");
            }
            int version = r.getInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("it has format " + version + ", " + FORMAT_VERSION + " expected");
            }
            byte[] stored = new byte[KEY_BYTES];
            r.getBytes(stored);
            if (!key.matches(stored)) {
                throw new IOException("it holds the reference of another key");
            }
            byte[] dtypeId = dtypeId(dtype);
            byte[] storedDtype = new byte[dtypeId.length];
            int storedDtypeLength = r.getInt();
            r.getBytes(storedDtype);
            if (storedDtypeLength != dtypeId.length || !Arrays.equals(storedDtype, dtypeId) || r.getInt() != length) {
                throw new IOException("its dtype or length differs from the case's");
            }
            double[] rounded = doubles(r, length);
            double[] hi = doubles(r, length);
            double[] lo = doubles(r, length);
            int[] scale = ints(r, length);
            int[] pass = ints(r, length);
            return ExactResultsColumns.of(dtype, rounded, hi, lo, scale, pass);
        }
    }

    private static byte[] dtypeId(DType dtype) {
        return dtype.id().getBytes(StandardCharsets.UTF_8);
    }

    private static double[] doubles(Chunked.Reader r, int length) throws IOException {
        double[] a = new double[length];
        r.getDoubles(a);
        return a;
    }

    private static int[] ints(Chunked.Reader r, int length) throws IOException {
        int[] a = new int[length];
        r.getInts(a);
        return a;
    }
}
