package io.github.opcompare.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RawArrayFiles#mapForRewriting}: the file ends exactly as long as asked, whatever it was
 * before, and holds what was written; the bytes not written keep their old contents (which is why
 * its callers write every byte). Expected bytes written out by hand.
 */
class RawArrayFilesRewritingTest {
    @TempDir
    Path dir;

    @Test
    void createsAMissingFileAtTheSizeAskedFor() throws Exception {
        Path file = dir.resolve("new.bin");
        ByteBuffer b = RawArrayFiles.mapForRewriting(file, 8);
        b.putInt(0, 0x04030201).putInt(4, 0x08070605);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, Files.readAllBytes(file));
    }

    @Test
    void cutsALongerFileDownToTheSizeAskedFor() throws Exception {
        Path file = dir.resolve("long.bin");
        Files.write(file, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        ByteBuffer b = RawArrayFiles.mapForRewriting(file, 8);
        b.putInt(0, 0x04030201).putInt(4, 0x08070605);
        assertEquals(8, Files.size(file));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, Files.readAllBytes(file));
    }

    @Test
    void extendsAShorterFileKeepingWhatWasNotWritten() throws Exception {
        Path file = dir.resolve("short.bin");
        Files.write(file, new byte[] {7, 7, 7, 7});
        ByteBuffer b = RawArrayFiles.mapForRewriting(file, 12);
        b.putInt(4, 0x04030201); // little-endian: 1, 2, 3, 4 at bytes 4 to 7
        // Bytes 0-3 keep their old contents; 8-11 are the file's new bytes, zeros.
        assertArrayEquals(new byte[] {7, 7, 7, 7, 1, 2, 3, 4, 0, 0, 0, 0}, Files.readAllBytes(file));
    }
}
