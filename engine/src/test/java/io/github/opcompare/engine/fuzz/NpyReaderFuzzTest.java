package io.github.opcompare.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.opcompare.engine.npy.NpyArray;
import io.github.opcompare.engine.npy.NpyFormatException;
import io.github.opcompare.engine.npy.NpyReader;

/**
 * Whatever bytes a recording holds, the .npy reader either returns an array whose data matches its
 * shape or throws an NpyFormatException (an IllegalArgumentException) that names the file; never
 * anything else. Seeds under src/test/resources; fuzzed for a bounded time with JAZZER_FUZZ=1.
 */
class NpyReaderFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void readsOrExplains(FuzzedDataProvider data) {
        byte[] content = data.consumeRemainingAsBytes();
        NpyArray array;
        try {
            array = NpyReader.read(content, "recording.npy");
        } catch (NpyFormatException e) {
            assertTrue(e.getMessage() != null && e.getMessage().startsWith("recording.npy: ") && e.getMessage().length() > 16,
                    "a message that does not name the file: " + e.getMessage());
            return;
        }
        long elements = 1;
        for (int d : array.shape()) {
            assertTrue(d >= 0, "negative dimension");
            elements *= d;
        }
        assertEquals(elements, array.data().length);
    }
}
