package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM in the middle of a run with SIGKILL, as an impatient user or a CI timeout does: what
 * finished is in a valid results.json that names the missing cases, and no worker survives.
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    /** The run that gets killed: its third case hangs, so the kill always lands mid-run. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        var cases = Planner.plan(List.of(
                new CaseSpec(null, "sqrt", List.of("float32"), "range(0,10)", 10, 1),
                new CaseSpec(null, "add", List.of("float32"), "values(1,2);values(3,4)", 10, 1),
                new CaseSpec(null, "mul", List.of("float32", "float64"), "values(1,2);values(3,4)", 10, 1),
                new CaseSpec("sqrt-again", "sqrt", List.of("float64"), "range(0,10)", 10, 1)));
        List<BackendDescriptor> backends = List.of(new BackendDescriptor("slow", "java-math", "cpu", "unused",
                Map.of("OPCOMPARE_TEST_FAULT", "hang", "OPCOMPARE_TEST_FAULT_OP", "mul")));
        new ComparisonRunner(FaultyRuns.settings(dir, Duration.ofSeconds(600)), FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, backends);
    }

    @Test
    void aKilledRunLeavesValidPartialResultsAndNoWorkers() throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), InterruptedRunTest.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        Path resultsFile = dir.resolve("results.json");
        List<ProcessHandle> workers = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            // Wait for the first two cases to be written and the worker to be stuck in the third.
            while (System.nanoTime() < deadline) {
                if (Files.exists(resultsFile) && ResultsJson.read(resultsFile).cases().size() == 2) {
                    workers = FaultyRuns.javaMathWorkerProcesses(run.toHandle());
                    if (!workers.isEmpty()) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
            assertFalse(workers.isEmpty(), "the run never reached its third case: " + Files.readString(dir.resolve("run.log")));
            Thread.sleep(300);
        } finally {
            run.destroyForcibly(); // SIGKILL: no shutdown hook runs
            run.waitFor(10, TimeUnit.SECONDS);
        }

        Results partial = ResultsJson.read(resultsFile);
        assertFalse(partial.complete());
        assertEquals(List.of("sqrt", "add"), partial.cases().stream().map(c -> c.id()).toList());
        assertEquals(List.of("mul/float32", "mul/float64", "sqrt-again/float64"), partial.missing());
        var errors = FaultyRuns.schemaErrors(resultsFile);
        assertTrue(errors.isEmpty(), errors.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "torn temp files");
        }

        // The worker, stuck in a call, sees its parent gone and ends itself.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), workers.stream().filter(ProcessHandle::isAlive).toList(), "a worker outlived the killed build");
    }
}
