package io.github.opcompare.backend.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.TimingSpec;
import io.github.opcompare.worker.WorkerJson;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.conformance.ForkedWorker;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numpy_worker.py keeps no timing constants of its own: it follows the rules each time request
 * carries (worker-api's TimingRules), so it cannot drift from the Java timer. Shown by changing a
 * rule in the request by hand and seeing the worker follow it, and by leaving the rules out.
 */
class NumpyTimingRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theWorkerFollowsTheRulesTheRequestCarries() throws Exception {
        assumeTrue(NumpyConformanceTest.numpyMissing().isEmpty(), "no python3 with NumPy here");
        double[] x = new double[16];
        Arrays.fill(x, 0.5);
        Path input = dir.resolve("x.raw");
        RawArrayFiles.write(new Values(DType.FLOAT64, x), input);
        // 20 samples wanted, a budget of 1 s: a copy is timed as min(samples, transferSamples) = 10
        // samples when shorter than minSampleNanos, else as up to longCopySamples = 5 (np.fromfile
        // of a file takes longer than 20 µs); with both rules set to 1 in the request, 1 sample.
        String line = WorkerJson.line(WorkerRequest.time("t", "add", "float64",
                List.of(new ArrayRef(input.toString(), 16), new ArrayRef(input.toString(), 16)),
                new ArrayRef(dir.resolve("out.raw").toString(), 16),
                new TimingSpec(20_000_000L, 10_000_000, 20, 5, 20_000L, 1_000_000L, 1_000_000_000L)));
        try (ForkedWorker worker = ForkedWorker.start(NumpyConformanceTest.numpyWorker(), dir.resolve("stderr.txt"))) {
            WorkerReply standard = worker.sendLine(line);
            assertTrue(standard.ok(), String.valueOf(standard));
            int copies = standard.transferInNanos().size();
            assertTrue(copies == 5 || copies == 10, String.valueOf(standard));

            ObjectNode changed = (ObjectNode) JSON.readTree(line);
            ((ObjectNode) changed.get("timing").get("rules")).put("transferSamples", 1).put("longCopySamples", 1);
            WorkerReply one = worker.sendLine(JSON.writeValueAsString(changed));
            assertTrue(one.ok(), String.valueOf(one));
            assertEquals(1, one.transferInNanos().size(), String.valueOf(one));
            assertEquals(1, one.transferOutNanos().size(), String.valueOf(one));

            ObjectNode without = (ObjectNode) JSON.readTree(line);
            ((ObjectNode) without.get("timing")).remove("rules");
            WorkerReply refused = worker.sendLine(JSON.writeValueAsString(without));
            assertEquals(WorkerReply.FAILED, refused.status(), String.valueOf(refused));
            assertTrue(refused.message().contains("rules"), refused.message());
        }
    }
}
