package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size sweep, cost model, thread comparison and reproducibility check, end to end through real
 * forked workers whose cost and behaviour are known exactly: each call busy-waits 200 µs plus 400 ns
 * per element, and one backend returns every result one step up on every second call when it runs
 * with more than one thread.
 */
class TimingAndReproducibilityRunTest {
    static final long OVERHEAD = 200_000;
    static final double PER_ELEMENT = 400;

    @TempDir
    static Path dir;
    static Results results;

    @BeforeAll
    static void run() throws Exception {
        String cost = OVERHEAD + "," + PER_ELEMENT;
        List<BackendDescriptor> backends = List.of(
                new BackendDescriptor("steady", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_COST", cost)),
                new BackendDescriptor("racy", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_COST", cost,
                        "OPCOMPARE_TEST_THREADS", "2", "OPCOMPARE_TEST_NONDETERMINISTIC", "1")));
        var cases = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float64"), "uniform(0,100)", 50, 7)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(100, 1_000, 10_000, 1_000_000), Duration.ofMillis(2500), 3, true,
                Duration.ofSeconds(60), Duration.ofSeconds(60), 3, EnvironmentProbe.capture("test", List.of()), "test");
        results = new ComparisonRunner(settings, FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, backends);
    }

    private static BackendResult result(String backend) {
        return results.cases().get(0).results().stream().filter(r -> r.backend().equals(backend)).findFirst().orElseThrow();
    }

    @Test
    void theSweepTimesEverySizeThatFitsAndSaysWhyTheOthersDidNot() {
        BackendResult r = result("steady");
        assertEquals(List.of(100L, 1_000L, 10_000L), r.timing().stream().map(SizeTiming::size).toList());
        // 10^6 elements cost 400 ms a call: the five calls a request needs at the least (2 s) are far more
        // than any share of a 2.5 s budget over nine requests allows, even with the slack.
        assertEquals(1, r.timingNotes().size(), r.timingNotes().toString());
        assertTrue(r.timingNotes().get(0).startsWith("size 1000000 not timed: one call would take about 40"), r.timingNotes().get(0));
        for (SizeTiming t : r.timing()) {
            double floor = OVERHEAD + PER_ELEMENT * t.size();
            assertTrue(t.minNanos() >= floor, "a call cannot be faster than its busy wait: " + t);
            assertTrue(t.ciLowNanos() <= t.medianNanos() && t.medianNanos() <= t.ciHighNanos(), t.toString());
            // Every sample counts in the statistics; results.json keeps at most 200 of them.
            assertEquals(Math.min(t.samples(), 200), t.sampleNanos().size());
            assertEquals(t.size() / (t.medianNanos() * 1e-9), t.elementsPerSecond(), 1e-6 * t.elementsPerSecond());
            // sqrt reads one float64 operand and writes one: 16 bytes per element.
            assertEquals(16 * t.elementsPerSecond(), t.bytesPerSecond(), 1e-6 * t.bytesPerSecond());
            assertNotNull(t.transferInNanos());
            assertNotNull(t.transferOutNanos());
        }
    }

    @Test
    void theCostModelRecoversTheBusyWaitsOverheadAndPerElementCost() {
        var fit = result("steady").fit();
        assertNotNull(fit);
        assertEquals(3, fit.sizes());
        // Busy waits only ever run long (a descheduled thread wakes late), so 5% below is the limit
        // that matters; above, up to twice: on a machine shared with other builds the waits stretch
        // (a fit of 497 ns per element against 400 was seen at load average 12), while a model that
        // mixed up its terms (per call for per element, or sizes off by a factor of ten) lands far
        // outside either way.
        assertTrue(fit.overheadNanos() > OVERHEAD * 0.95 && fit.overheadNanos() < OVERHEAD * 2, fit.toString());
        assertTrue(fit.nanosPerElement() > PER_ELEMENT * 0.95 && fit.nanosPerElement() < PER_ELEMENT * 2, fit.toString());
        assertNotNull(fit.overheadStdErrNanos());
    }

    @Test
    void aSingleThreadedBackendHasNoSingleThreadRun() {
        BackendResult r = result("steady");
        assertEquals(1, r.threads().count());
        assertNull(r.threads().speedup());
        assertTrue(r.reproducibility().reproducible());
        assertEquals(3, r.reproducibility().runs());
        assertEquals(1, r.reproducibility().distinctResults());
        assertNull(r.reproducibility().singleThreadIdentical());
    }

    @Test
    void aMultiThreadedBackendIsAlsoTimedAndRunWithOneThread() {
        BackendResult r = result("racy");
        assertEquals(2, r.threads().count());
        assertEquals(10_000L, r.threads().size());
        // The speed-up is the single-thread median over the multi-threaded one at that very size (its
        // value is left to the machine: on a shared one the two runs see different neighbours, and the
        // same busy wait measured 0.56 to 1.3).
        SizeTiming all = r.timing().stream().filter(t -> t.size() == 10_000L).findFirst().orElseThrow();
        assertTrue(r.threads().singleThreadMedianNanos() > 0, r.threads().toString());
        assertEquals(r.threads().singleThreadMedianNanos() / all.medianNanos(), r.threads().speedup(), 1e-12);
    }

    @Test
    void resultsThatChangeBetweenRunsAreCaught() {
        var rep = result("racy").reproducibility();
        // Runs 1 and 3 are exact, run 2 is one step up everywhere; the single-thread run is exact.
        assertFalse(rep.reproducible());
        assertEquals(4, rep.runs());
        assertEquals(2, rep.distinctResults());
        assertEquals(1, rep.maxStepSpread());
        assertEquals(50, rep.differingElements());
        assertTrue(rep.singleThreadIdentical());
        // Accuracy is judged on the first run, which is correctly rounded.
        assertEquals(1.0, result("racy").accuracy().correctlyRounded());
    }

    @Test
    void theCaseRecordsItsBudgetAndTheTimeItTook() {
        var c = results.cases().get(0);
        assertEquals(2_500_000_000L, c.timeBudgetNanos());
        assertTrue(c.timingNanos() > 0);
    }

    @Test
    void theWorkersSayWhatTheyRunOn() {
        var info = results.backends().get(1);
        assertEquals(2, info.threads());
        assertTrue(info.runtime().contains("-Xmx64m"), info.runtime());
    }
}
