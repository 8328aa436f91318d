package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.SizeTiming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library that pays a fixed start-up cost for its first tensor of each shape (TensorFlow does,
 * tens of milliseconds) must not be predicted to need minutes at a larger size: only the copies grow
 * with the size, not that start-up.
 */
class StartupCostSweepTest {
    @TempDir
    Path dir;

    @Test
    void aFixedStartupCostAtTheSmallSizeDoesNotKeepTheLargeSizeFromBeingTimed() throws Exception {
        // 100 ms for each new length; a call costs 20 µs + 10 ns per element, 1.02 ms at 10^5. Scaling the
        // 100 ms start-up at 100 elements by 1000 would predict 100 s and skip 10^5; it costs 100 ms there too.
        BackendDescriptor backend = new BackendDescriptor("startup", "java-math", "cpu", "unused",
                Map.of("OPCOMPARE_TEST_COST", "20000,10", "OPCOMPARE_TEST_NEW_LENGTH_MILLIS", "100"));
        var cases = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float64"), "uniform(0,100)", 50, 7)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(100, 100_000), Duration.ofMillis(2000), 1, false,
                Duration.ofSeconds(60), Duration.ofSeconds(60), 3, EnvironmentProbe.capture("test", List.of()), "test");
        var results = new ComparisonRunner(settings, FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, List.of(backend));

        BackendResult r = results.cases().get(0).results().get(0);
        assertNull(r.timingNotes(), "both sizes fit the budget");
        assertEquals(List.of(100L, 100_000L), r.timing().stream().map(SizeTiming::size).toList());
    }
}
