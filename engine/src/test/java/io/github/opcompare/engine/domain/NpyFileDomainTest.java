package io.github.opcompare.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileDomainTest {
    @TempDir
    Path dir;

    /** A version 1.0 .npy written byte by byte, as the format's specification lays it out. */
    private static byte[] npy(String descr, byte[] data, int count) {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + count + ",), }";
        int total = 10 + header.length() + 1;
        int padded = (total + 63) / 64 * 64;
        StringBuilder h = new StringBuilder(header);
        while (10 + h.length() + 1 < padded) {
            h.append(' ');
        }
        h.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(h.length() & 0xff);
        out.write(h.length() >> 8);
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void readsTheFileRelativeToTheProjectAndRoundsToTheCaseDtype() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        data.putDouble(0.1).putDouble(-2.5).putDouble(Double.NaN);
        Files.createDirectories(dir.resolve("inputs"));
        Files.write(dir.resolve("inputs/x.npy"), npy("<f8", data.array(), 3));

        InputDomain d = DomainParser.parse("file(inputs/x.npy)", dir);
        assertEquals(3, d.fixedLength(DType.FLOAT32));
        Values f32 = d.generate(DType.FLOAT32, 1000, 1);
        assertEquals((double) 0.1f, f32.get(0));
        assertEquals(-2.5, f32.get(1));
        assertTrue(Double.isNaN(f32.get(2)));
        assertEquals(0.1, d.generate(DType.FLOAT64, 1000, 1).get(0));
        assertEquals("file(inputs/x.npy)", d.expression());
    }

    @Test
    void aMissingFileIsNamedWithItsFullPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainParser.parse("file(nope.npy)", dir));
        assertEquals("Cannot parse input domain 'file(nope.npy)' at column 6: the file " + dir.resolve("nope.npy").toAbsolutePath()
                + " does not exist; valid domains are: " + DomainParser.VALID_FORMS, e.getMessage());
    }

    @Test
    void notANpyAndIntegerNpyAreExplained() throws Exception {
        Files.writeString(dir.resolve("text.npy"), "x,y\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainParser.parse("file(text.npy)", dir));
        assertTrue(e.getMessage().contains("text.npy: not a .npy file"), e.getMessage());

        ByteBuffer ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(2);
        Files.write(dir.resolve("ints.npy"), npy("<i4", ints.array(), 2));
        e = assertThrows(IllegalArgumentException.class, () -> DomainParser.parse("file(ints.npy)", dir));
        assertTrue(e.getMessage().contains("ints.npy") && e.getMessage().contains("<i4"), e.getMessage());
    }

    @Test
    void aPathTheFileSystemRejectsIsNamed() {
        // Found by the fuzzer: a NUL character made Path.resolve throw a message without the input.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainParser.parse("file(a\0b)", dir));
        assertTrue(e.getMessage().startsWith("Cannot parse input domain 'file(a\0b)' at column 6: 'a\0b' is not a valid path"),
                e.getMessage());
    }
}
