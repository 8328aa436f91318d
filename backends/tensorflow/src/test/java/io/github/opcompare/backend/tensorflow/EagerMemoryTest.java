package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Large results must be freed at once, not when the garbage collector runs: without
 * {@link EagerReleaser} TF Java keeps every eager result until then, which grew this process by
 * about 4 MB per call of a 1,000,000-element op. (The conformance kit checks the release of small
 * results over 10,000 calls, in a forked worker.) The surefire JVM has a fixed, pre-touched heap (see the pom), so resident
 * memory growth here is native memory.
 */
class EagerMemoryTest {
    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void largeResultsAreFreedAtOnce() throws Exception {
        assumeTrue(Files.isReadable(STATUS), "needs Linux /proc to read resident memory");
        TensorFlowExecutor executor = new TensorFlowExecutor();
        float[] x = new float[1_000_000];
        try (PreparedCall call = executor.prepare(Op.EXP, DType.FLOAT32, List.of(Buffers.floats(x)), x.length)) {
            for (int i = 0; i < 20; i++) {
                call.call();
            }
            long before = residentKb();
            for (int i = 0; i < 500; i++) {
                call.call();
            }
            long grownMb = (residentKb() - before) / 1024;
            System.out.println("EagerMemoryTest: 500 calls of exp(1,000,000 float32) grew resident memory by "
                    + grownMb + " MB");
            // Kept results alone would be 500 * 4 MB = 2 GB.
            assertTrue(grownMb < 40, "resident memory grew by " + grownMb + " MB");
        }
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS in " + STATUS);
    }
}
