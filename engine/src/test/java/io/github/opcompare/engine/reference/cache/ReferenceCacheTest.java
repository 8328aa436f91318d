package io.github.opcompare.engine.reference.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCacheTest {
    @TempDir
    Path dir;

    private ReferenceCache cache() {
        return new ReferenceCache(dir.resolve("cache"));
    }

    private static ReferenceKey key(double firstInput) {
        return ReferenceKey.of("1.0", "exp", "float64", List.of("binades(1e-6,80)"), 42, 4,
                List.of(new Values(DType.FLOAT64, new double[] {firstInput, 2, 3, 4})));
    }

    @Test
    void roundTripKeepsEveryColumnBitForBit() throws Exception {
        ReferenceCache cache = cache();
        ExactResults stored = HandMadeResults.sample();
        cache.store(key(1), stored);
        ReferenceCache.Lookup lookup = cache.load(key(1), DType.FLOAT64, 4);
        assertTrue(lookup.hit(), lookup.problem());
        ExactResults loaded = lookup.results();
        assertEquals(DType.FLOAT64, loaded.dtype());
        assertEquals(4, loaded.length());
        // The values HandMadeResults laid out, not the stored object's: the payload NaN, -0.0, scale -1100.
        assertEquals(HandMadeResults.PAYLOAD_NAN, Double.doubleToRawLongBits(loaded.rounded(0)));
        assertEquals(HandMadeResults.PAYLOAD_NAN, Double.doubleToRawLongBits(loaded.exactHi(0)));
        assertEquals(0x8000_0000_0000_0000L, Double.doubleToRawLongBits(loaded.rounded(1)));
        assertEquals(0x8000_0000_0000_0000L, Double.doubleToRawLongBits(loaded.exactHi(1)));
        assertEquals(1L, Double.doubleToRawLongBits(loaded.rounded(2)));
        assertEquals(-1100, loaded.exactScale(2));
        assertEquals(-3.0e-17, loaded.exactLo(2));
        assertEquals(4, loaded.pass(2));
        assertEquals(2, loaded.pass(3));
        assertEquals(1, loaded.escalations());
        for (int i = 0; i < 4; i++) {
            assertEquals(Double.doubleToRawLongBits(stored.rounded(i)), Double.doubleToRawLongBits(loaded.rounded(i)));
            assertEquals(Double.doubleToRawLongBits(stored.exactHi(i)), Double.doubleToRawLongBits(loaded.exactHi(i)));
            assertEquals(Double.doubleToRawLongBits(stored.exactLo(i)), Double.doubleToRawLongBits(loaded.exactLo(i)));
            assertEquals(stored.exactScale(i), loaded.exactScale(i));
            assertEquals(stored.pass(i), loaded.pass(i));
        }
    }

    @Test
    void theFileIsTheDocumentedLayout() throws Exception {
        ReferenceCache cache = cache();
        cache.store(key(1), HandMadeResults.sample());
        byte[] bytes = Files.readAllBytes(cache.file(key(1)));
        // magic 4 + version 4 + key 32 + dtype (4 + "float64" 7) + n 4 + 4 outputs × (3 × 8 + 2 × 4) + CRC 4
        assertEquals(4 + 4 + 32 + 4 + 7 + 4 + 4 * 32 + 4, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("OPCR", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(1, b.getInt(4));
        assertArrayEquals(key(1).bytes(), Arrays.copyOfRange(bytes, 8, 40));
        assertEquals(7, b.getInt(40));
        assertEquals("float64", new String(bytes, 44, 7, StandardCharsets.UTF_8));
        assertEquals(4, b.getInt(51));
        assertEquals(HandMadeResults.PAYLOAD_NAN, b.getLong(55)); // rounded[0]
        assertEquals(-1100, b.getInt(55 + 3 * 32 + 2 * 4)); // scale[2]
        assertEquals(4, b.getInt(55 + 3 * 32 + 4 * 4 + 2 * 4)); // pass[2]
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        assertEquals((int) crc.getValue(), b.getInt(bytes.length - 4));
    }

    @Test
    void nothingCachedIsAPlainMiss() {
        ReferenceCache.Lookup lookup = cache().load(key(1), DType.FLOAT64, 4);
        assertFalse(lookup.hit());
        assertNull(lookup.problem());
    }

    @Test
    void damagedFilesAreReportedAndNeverTrusted() throws Exception {
        ReferenceCache cache = cache();
        cache.store(key(1), HandMadeResults.sample());
        Path file = cache.file(key(1));
        byte[] good = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 9));
        assertUnusable(cache, "bytes");

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10; // inside the columns: only the checksum can tell
        Files.write(file, flipped);
        assertUnusable(cache, "checksum");

        Files.write(file, new byte[0]);
        assertUnusable(cache, "bytes");

        byte[] garbage = new byte[good.length];
        java.util.Arrays.fill(garbage, (byte) 0x5a);
        Files.write(file, garbage);
        assertUnusable(cache, "checksum");

        // Whole files with a valid checksum that are still not this reference.
        Files.write(file, withChecksum(good, 0, 0x12345678));
        assertUnusable(cache, "not an opcompare reference file");
        Files.write(file, withChecksum(good, 4, 99));
        assertUnusable(cache, "format 99");

        // Another key's whole, valid file under this key's name.
        cache.store(key(2), HandMadeResults.sample());
        Files.copy(cache.file(key(2)), file, StandardCopyOption.REPLACE_EXISTING);
        assertUnusable(cache, "another key");

        // Asked for another length than stored: the sizes cannot match.
        Files.write(file, good);
        assertTrue(cache.load(key(1), DType.FLOAT64, 4).hit());
        assertNotNull(cache.load(key(1), DType.FLOAT64, 5).problem());
        assertNotNull(cache.load(key(1), DType.FLOAT32, 4).problem());
    }

    /** The file with the int at offset replaced and its CRC-32C made right again. */
    private static byte[] withChecksum(byte[] file, int offset, int value) {
        byte[] copy = file.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        CRC32C crc = new CRC32C();
        crc.update(copy, 0, copy.length - 4);
        b.putInt(copy.length - 4, (int) crc.getValue());
        return copy;
    }

    private void assertUnusable(ReferenceCache cache, String why) {
        ReferenceCache.Lookup lookup = cache.load(key(1), DType.FLOAT64, 4);
        assertFalse(lookup.hit());
        assertNotNull(lookup.problem());
        assertTrue(lookup.problem().contains(why), lookup.problem());
    }

    @Test
    void concurrentWritersLeaveOneValidFileAndReadersNeverSeeHalfOfOne() throws Exception {
        ReferenceCache cache = cache();
        // Large enough that a write takes a while: 200 000 outputs, 6.4 MB.
        int n = 200_000;
        long[] rounded = new long[n];
        long[] hi = new long[n];
        long[] lo = new long[n];
        int[] scale = new int[n];
        int[] pass = new int[n];
        for (int i = 0; i < n; i++) {
            rounded[i] = Double.doubleToRawLongBits(i * 0.5);
            hi[i] = Double.doubleToRawLongBits(i * 0.5 + 1e-9);
            lo[i] = Double.doubleToRawLongBits(-1e-26 * i);
            scale[i] = i % 7 == 0 ? -1100 : 0;
            pass[i] = i % 5;
        }
        ExactResults results = HandMadeResults.of(DType.FLOAT64, rounded, hi, lo, scale, pass);
        ReferenceKey key = key(3);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tasks = new ArrayList<>();
        try {
            for (int t = 0; t < 6; t++) {
                boolean writer = t % 2 == 0;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        if (writer) {
                            cache.store(key, results);
                        } else {
                            ReferenceCache.Lookup lookup = cache.load(key, DType.FLOAT64, n);
                            if (lookup.problem() != null) {
                                return lookup.problem();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<String> task : tasks) {
                assertNull(task.get());
            }
        } finally {
            pool.shutdownNow();
        }
        ReferenceCache.Lookup lookup = cache.load(key, DType.FLOAT64, n);
        assertTrue(lookup.hit(), lookup.problem());
        // 6.4 MB through a 1 MB buffer: values straddle its refills, and all come back.
        ExactResults loaded = lookup.results();
        for (int i = 0; i < n; i++) {
            assertEquals(rounded[i], Double.doubleToRawLongBits(loaded.rounded(i)));
            assertEquals(hi[i], Double.doubleToRawLongBits(loaded.exactHi(i)));
            assertEquals(lo[i], Double.doubleToRawLongBits(loaded.exactLo(i)));
            assertEquals(scale[i], loaded.exactScale(i));
            assertEquals(pass[i], loaded.pass(i));
        }
        try (var files = Files.list(cache.dir())) {
            assertEquals(List.of(cache.file(key)), files.toList(), "temporary files left behind");
        }
    }
}
