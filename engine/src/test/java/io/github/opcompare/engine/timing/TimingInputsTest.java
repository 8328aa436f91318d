package io.github.opcompare.engine.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiled timing inputs, checked byte for byte against encodings written out by hand from the
 * IEEE 754 formats (and bfloat16's, the upper half of float32): element i is the case's element i mod
 * L, over several whole copies and a partial one, signed zero, infinities and subnormals included.
 */
class TimingInputsTest {
    @TempDir
    Path dir;

    /** Reads back the file as little-endian words of the dtype's width. */
    private long[] words(Path file, int bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[b.remaining() / bytes];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (bytes) {
                case 2 -> b.getShort() & 0xFFFFL;
                case 4 -> b.getInt() & 0xFFFF_FFFFL;
                default -> b.getLong();
            };
        }
        return out;
    }

    private void check(DType dtype, double[] values, long[] encoded) throws IOException {
        Path file = dir.resolve(dtype.id() + ".bin");
        TimingInputs.writeTiled(new Values(dtype, values), 10, file);
        long[] got = words(file, dtype.bytes());
        assertEquals(10, got.length, dtype.id());
        for (int i = 0; i < 10; i++) {
            assertEquals(encoded[i % encoded.length], got[i], dtype.id() + " element " + i);
        }
    }

    @Test
    void float32() throws IOException {
        check(DType.FLOAT32, new double[] {1.5, -0.0, Math.scalb(1.0, -149), Double.NEGATIVE_INFINITY},
                new long[] {0x3FC0_0000L, 0x8000_0000L, 0x0000_0001L, 0xFF80_0000L});
    }

    @Test
    void float16() throws IOException {
        check(DType.FLOAT16, new double[] {1.5, -0.0, Math.scalb(1.0, -24), 65504.0},
                new long[] {0x3E00L, 0x8000L, 0x0001L, 0x7BFFL});
    }

    @Test
    void bfloat16() throws IOException {
        check(DType.BFLOAT16, new double[] {1.5, -0.0, Math.scalb(1.0, -133), Double.NEGATIVE_INFINITY},
                new long[] {0x3FC0L, 0x8000L, 0x0001L, 0xFF80L});
    }

    @Test
    void float64() throws IOException {
        check(DType.FLOAT64, new double[] {1.5, -0.0, Double.MIN_VALUE},
                new long[] {0x3FF8_0000_0000_0000L, 0x8000_0000_0000_0000L, 0x0000_0000_0000_0001L});
    }
}
