package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.CaseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs against real forked workers sharing one reference cache, as two {@code mvn verify} without clean. */
class ReferenceCacheRunTest {
    @TempDir
    Path dir;

    private final AtomicInteger computations = new AtomicInteger();
    private final ReferenceCalculator calculator = new ReferenceCalculator();

    private List<String> run(Path out, List<PlannedCase> cases) throws Exception {
        RunSettings settings = FaultyRuns.settings(out, Duration.ofSeconds(60)).withReferenceCache(dir.resolve("cache"));
        List<String> progress = new ArrayList<>();
        RunListener listener = new RunListener() {
            private boolean cached;

            @Override
            public void referenceCached(PlannedCase planned) {
                cached = true;
            }

            @Override
            public void caseFinished(int index, int total, PlannedCase planned, CaseResult result, Duration elapsed) {
                progress.add(ConsoleFormat.progressLine(index, total, result, elapsed, cached));
                cached = false;
            }
        };
        new ComparisonRunner(settings, FaultyRuns.javaMathWorkers(), listener, (op, dtype, inputs) -> {
            computations.incrementAndGet();
            return calculator.compute(op, dtype, inputs);
        }).run(cases, List.of(new BackendDescriptor("math", "java-math", "cpu", "unused", Map.of())));
        return progress;
    }

    @Test
    void theSecondRunComputesNoReferenceAndJudgesAlike() throws Exception {
        List<PlannedCase> cases = Planner.plan(List.of(
                new CaseSpec(null, "sqrt", List.of("float32", "float64"), "uniform(0,100)", 500, 3),
                new CaseSpec(null, "add", List.of("float32"), "gaussian(0,1);gaussian(0,1)", 500, 3)));
        List<String> first = run(dir.resolve("first"), cases);
        assertEquals(3, computations.get());
        assertTrue(first.stream().noneMatch(l -> l.contains("reference cached")), first.toString());

        List<String> second = run(dir.resolve("second"), cases);
        assertEquals(3, computations.get(), "the second run computed a reference");
        assertEquals(3, second.size());
        second.forEach(l -> assertTrue(l.endsWith(" s, reference cached)"), l));

        JsonNode a = new ObjectMapper().readTree(dir.resolve("first/results.json").toFile());
        JsonNode b = new ObjectMapper().readTree(dir.resolve("second/results.json").toFile());
        assertEquals(3, a.get("cases").size());
        for (int c = 0; c < 3; c++) {
            JsonNode accuracyA = a.at("/cases/" + c + "/results/0/accuracy");
            assertFalse(accuracyA.isMissingNode());
            assertEquals(accuracyA, b.at("/cases/" + c + "/results/0/accuracy"), "case " + c);
            assertEquals(a.at("/cases/" + c + "/values"), b.at("/cases/" + c + "/values"), "case " + c);
        }
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(3, files.count());
        }
    }
}
