package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JIT warm-up runs before the first timing of each worker and is not charged to the case's budget. */
class JitWarmupTest {
    @TempDir
    Path dir;

    @Test
    void theWarmupCallsTheOpForItsWholeDurationOutsideTheCasesBudget() throws Exception {
        var cases = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float64"), "uniform(0,100)", 50, 7)));
        Duration warmup = Duration.ofMillis(1500);
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(100), Duration.ofMillis(200), 1, false, Duration.ofSeconds(60), Duration.ofSeconds(60), 3,
                EnvironmentProbe.capture("test", List.of()), "test", warmup);
        long start = System.nanoTime();
        Results results = new ComparisonRunner(settings, FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, List.of(new BackendDescriptor("java-math", "java-math", "cpu", "unused", Map.of())));
        long elapsed = System.nanoTime() - start;

        CaseResult sqrt = results.cases().get(0);
        // The warm-up request calls the op until its budget is all but spent (it stops before a 1 ms
        // batch would overrun), so the run takes at least most of it on top of everything else.
        assertTrue(elapsed >= warmup.toNanos() * 0.9, "the run took " + elapsed / 1e6 + " ms");
        // ...and none of it counts as the case's timing: the run took the warm-up on top of the timing.
        // (No bound on the timing itself: on a shared machine a 200 ms budget can end late.)
        assertTrue(elapsed - sqrt.timingNanos() >= warmup.toNanos() * 0.9,
                "the run took " + elapsed / 1e6 + " ms, its timing " + sqrt.timingNanos() / 1e6 + " ms");
        assertEquals(200_000_000L, sqrt.timeBudgetNanos());
        assertTrue(sqrt.results().get(0).timing() != null);
    }
}
