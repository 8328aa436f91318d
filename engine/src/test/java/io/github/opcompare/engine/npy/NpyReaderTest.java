package io.github.opcompare.engine.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NpyReaderTest {

    /** A version 1.0 file assembled byte by byte from the format description. */
    private static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + h.length + data.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, (byte) (h.length >> 8)};
        System.arraycopy(magic, 0, out, 0, 10);
        System.arraycopy(h, 0, out, 10, h.length);
        System.arraycopy(data, 0, out, 10 + h.length, data.length);
        return out;
    }

    @Test
    void readsHandAssembledBigEndianFloat32() {
        // 1.0f is 0x3f800000, -2.0f is 0xc0000000, big-endian byte order.
        byte[] content = file("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }\n",
                new byte[] {0x3f, (byte) 0x80, 0, 0, (byte) 0xc0, 0, 0, 0});
        NpyArray a = NpyReader.read(content, "x.npy");
        assertEquals(">f4", a.descr());
        assertArrayEquals(new int[] {2}, a.shape());
        assertArrayEquals(new double[] {1.0, -2.0}, a.data());
    }

    @Test
    void errorsNameTheFileAndTheProblem() {
        assertMessage("x.npy", "magic", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertMessage("x.npy", "fortran_order is True",
                file("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }\n", new byte[4]));
        assertMessage("x.npy", "dtype '<i4' is not supported",
                file("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }\n", new byte[4]));
        assertMessage("x.npy", "needs 8 data bytes, but the file has 4 (truncated)",
                file("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n", new byte[4]));
        assertMessage("x.npy", "version 4.0",
                new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 4, 0, 0, 0, 0, 0});
    }

    @Test
    void arbitraryBytesOnlyEverGiveNpyFormatException() {
        Random random = new Random(1);
        byte[] valid = file("{'descr': '<f2', 'fortran_order': False, 'shape': (3, 2), }\n", new byte[12]);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = Arrays.copyOf(valid, random.nextInt(valid.length + 4));
            for (int k = random.nextInt(4); k >= 0 && bytes.length > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                NpyReader.read(bytes, "fuzz.npy");
            } catch (NpyFormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz.npy"), e.getMessage());
            }
        }
    }

    private static void assertMessage(String name, String part, byte[] content) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(content, name));
        assertTrue(e.getMessage().startsWith(name) && e.getMessage().contains(part), e.getMessage());
    }
}
