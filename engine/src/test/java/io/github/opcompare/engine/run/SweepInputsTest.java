package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's chunk of inputs ({@link ExhaustiveSweep#writeInputs}): the file, reused from chunk to
 * chunk, holds exactly the chunk's float32 bit patterns in order of their ordinals, little-endian,
 * and nothing of a longer chunk written into it before. Bit patterns by hand: ordinal 0 is +0
 * (0x00000000), 1 the smallest subnormal (0x00000001), -1 is -0 (0x80000000), -2 the negative
 * smallest subnormal (0x80000001); from 1.0f (0x3f800000, ordinal 1065353216) up, ordinal and bits
 * are the same.
 */
class SweepInputsTest {
    @TempDir
    Path dir;

    @Test
    void aShorterChunkReplacesALongerOneInTheSameFile() throws Exception {
        Path file = dir.resolve("input-0.bin");
        ExhaustiveSweep.writeInputs(file, 1065353216L, 5);
        ExhaustiveSweep.writeInputs(file, -2, 4);
        assertEquals(16, Files.size(file));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x80000001, b.getInt(0));
        assertEquals(0x80000000, b.getInt(4));
        assertEquals(0x00000000, b.getInt(8));
        assertEquals(0x00000001, b.getInt(12));
    }

    @Test
    void inputsAcrossTheCopyBatchesComeInOrder() throws Exception {
        // 3 * 2^14 + 5 inputs from 1.0f: more than one batch of the copy into the mapped file.
        int n = 3 * (1 << 14) + 5;
        Path file = dir.resolve("input-1.bin");
        ByteBuffer mapped = ExhaustiveSweep.writeInputs(file, 0x3f800000L, n);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4L * n, Files.size(file));
        for (int i = 0; i < n; i++) {
            assertEquals(0x3f800000 + i, b.getInt(4 * i), "input " + i);
            assertEquals(0x3f800000 + i, mapped.getInt(4 * i), "mapped input " + i);
        }
        assertEquals(1.0f, b.getFloat(0));
        assertEquals(Math.nextUp(1.0f), b.getFloat(4));
    }
}
