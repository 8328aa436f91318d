package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exhaustive sweep prepares a new call per chunk of inputs, each chunk new values. TensorFlow's
 * eager kernel cache kept a copy of every chunk (the kernel of its {@code Const} op, see
 * {@link KernelCacheTrimmer}), so the worker grew by about 23 MB per chunk of 4,194,304 float32
 * inputs until it ran out of memory; the same input prepared again hit the cache, which is why
 * {@link EagerMemoryTest} did not see it. This does per chunk what the worker does for a sweep's
 * run request. The surefire JVM has a fixed, pre-touched heap (see the pom), so the growth of
 * anonymous resident memory here is native memory.
 */
class TensorFlowSweepMemoryTest {
    private static final Path STATUS = Path.of("/proc/self/status");
    /** The sweep's chunk: 2^22 float32 inputs, 16 MiB. */
    private static final int CHUNK = 1 << 22;
    /** Chunks before the first reading: the allocator's own caches fill up in the first few dozen. */
    private static final int WARM_UP = 40;
    private static final int MEASURED = 60;
    private static final long LIMIT_MB = 300;

    @Test
    void aSweepOfNewInputsKeepsNativeMemoryFlat() throws Exception {
        assumeTrue(Files.isReadable(STATUS), "needs Linux /proc to read resident memory");
        TensorFlowExecutor executor = new TensorFlowExecutor();
        ByteBuffer in = Buffers.output(CHUNK, Float.BYTES);
        ByteBuffer out = Buffers.output(CHUNK, Float.BYTES);
        long before = 0;
        long grownMb = 0;
        for (int chunk = 0; chunk < WARM_UP + MEASURED; chunk++) {
            // Consecutive float32 bit patterns from 1.0 up, as the sweep hands them out: every chunk new.
            int first = Float.floatToRawIntBits(1f) + chunk * CHUNK;
            for (int k = 0; k < CHUNK; k++) {
                in.putInt(k * Float.BYTES, first + k);
            }
            try (PreparedCall call = executor.prepare(Op.EXP, DType.FLOAT32, List.of(in), CHUNK)) {
                call.call();
                call.writeResult(out);
            }
            if (chunk + 1 == WARM_UP) {
                before = anonymousKb();
            } else if (chunk + 1 > WARM_UP) {
                // Checked per chunk, so that a leak fails here rather than exhausting the machine.
                grownMb = (anonymousKb() - before) / 1024;
                // Measured: up to about 110 MB (one step of the allocator, then flat over 300 chunks); a copy kept
                // per chunk would be at least 16 MiB each, 1 GB over 60 chunks (measured: 23 to 30 MB each).
                assertTrue(grownMb < LIMIT_MB, "anonymous resident memory grew by " + grownMb + " MB within "
                        + (chunk + 1 - WARM_UP) + " chunks of " + CHUNK + " new float32 inputs");
            }
        }
        System.out.println("TensorFlowSweepMemoryTest: " + MEASURED + " chunks of exp(" + CHUNK
                + " new float32 inputs) grew anonymous resident memory by " + grownMb + " MB");
        // The last chunk's inputs are above 88.73, where float32 exp overflows.
        assertEquals(Float.POSITIVE_INFINITY, Buffers.toFloats(out, CHUNK)[CHUNK - 1]);
    }

    private static long anonymousKb() throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("RssAnon:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no RssAnon in " + STATUS);
    }
}
