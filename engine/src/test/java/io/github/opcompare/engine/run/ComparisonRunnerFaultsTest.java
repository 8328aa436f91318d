package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One run through the whole engine in which every kind of worker fault really happens, each on its
 * own backend and only for the op {@code mul}: the faulty case fails with its cause, the worker is
 * restarted, and every other case and backend still runs.
 */
class ComparisonRunnerFaultsTest {
    static final List<String> FAULTS = List.of("segv", "abort", "oom", "exit", "hang", "garbage");

    @TempDir
    static Path dir;
    static Results results;
    static final List<String> warnings = new ArrayList<>();
    static List<ProcessHandle> workersAfterRun;

    @BeforeAll
    static void run() throws Exception {
        List<BackendDescriptor> backends = new ArrayList<>();
        backends.add(new BackendDescriptor("healthy", "java-math", "cpu", "unused", Map.of()));
        for (String fault : FAULTS) {
            backends.add(new BackendDescriptor(fault, "java-math", "cpu", "unused",
                    Map.of("OPCOMPARE_TEST_FAULT", fault, "OPCOMPARE_TEST_FAULT_OP", "mul")));
        }
        var cases = Planner.plan(List.of(
                new CaseSpec(null, "sqrt", List.of("float32"), "range(0,10)", 10, 1),
                new CaseSpec(null, "mul", List.of("float32"), "values(1,2,3);values(4,5,6)", 10, 1),
                new CaseSpec(null, "add", List.of("float64"), "values(1,2,3);values(4,5,6)", 10, 1)));
        // Scratch left over by a killed run must not survive the next one.
        Files.createDirectories(dir.resolve("work").resolve("case-7"));
        Files.writeString(dir.resolve("work").resolve("case-7").resolve("input-0.bin"), "stale");
        results = new ComparisonRunner(FaultyRuns.settings(dir, Duration.ofSeconds(3)), FaultyRuns.javaMathWorkers(),
                new RunListener() {
                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                }).run(cases, backends);
        workersAfterRun = FaultyRuns.javaMathWorkerProcesses(ProcessHandle.current());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            segv    | worker crashed with signal 11 (SIGSEGV) in native code: SIGSEGV (0xb) at pc=
            abort   | worker crashed with signal 6 (SIGABRT) (exit code 134)
            oom     | worker ran out of memory (exit code 3)
            exit    | worker ended unexpectedly (exit code 42)
            hang    | no answer within 3 s; the worker was ended
            garbage | worker wrote an unreadable reply on its protocol channel (a line that is not JSON): 'this is not JSON'
            """)
    void theFaultyCaseFailsWithItsCauseAndTheWorkerComesBack(String fault, String expected) {
        BackendResult mul = result("mul", fault);
        assertEquals("failed", mul.status());
        assertTrue(mul.message().startsWith(expected), mul.message());
        assertNull(mul.accuracy());
        // Before the fault and after it (on a restarted worker), the backend works.
        assertEquals("ok", result("sqrt", fault).status());
        BackendResult add = result("add", fault);
        assertEquals("ok", add.status(), add.message());
        assertEquals(1.0, add.accuracy().correctlyRounded());
    }

    @Test
    void theHealthyBackendRunsEverythingAndAgreesOnlyWithWorkersThatAnswered() {
        for (String id : List.of("sqrt", "mul", "add")) {
            assertEquals("ok", result(id, "healthy").status());
        }
        assertTrue(caseResult("mul").agreement().isEmpty(), "only one backend produced mul");
        assertEquals(21, caseResult("sqrt").agreement().size());
    }

    @Test
    void theBuildWarnsWithOneLinePerFailure() {
        List<String> lines = ConsoleFormat.failureLines(results);
        assertEquals(FAULTS.size(), lines.size(), lines.toString());
        assertTrue(lines.contains("mul/float32 on hang: no answer within 3 s; the worker was ended"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("mul/float32 on segv: worker crashed with signal 11 (SIGSEGV)")), lines.toString());
    }

    @Test
    void theMessageCarriesTheLastLinesOfTheWorkersOutput() {
        assertTrue(result("mul", "oom").message().contains("Terminating due to java.lang.OutOfMemoryError: Java heap space"),
                result("mul", "oom").message());
        assertTrue(result("mul", "segv").message().contains("crash report: " + dir.resolve("logs").toAbsolutePath() + "/hs_err_pid"),
                result("mul", "segv").message());
        assertTrue(result("mul", "garbage").message().contains("last lines it wrote to stdout:\n  this is not JSON"),
                result("mul", "garbage").message());
    }

    @Test
    void resultsAreCompleteValidAndNothingIsLeftBehind() throws Exception {
        Results written = ResultsJson.read(dir.resolve("results.json"));
        assertTrue(written.complete());
        assertEquals(List.of(), written.missingOrEmpty());
        assertEquals(3, written.cases().size());
        var errors = FaultyRuns.schemaErrors(dir.resolve("results.json"));
        assertTrue(errors.isEmpty(), errors.toString());
        assertFalse(Files.exists(dir.resolve("work")), "scratch folder left behind");
        assertEquals(List.of(), workersAfterRun, "worker processes outlived the run");
        // Crash reports go to the log folder, never into the project.
        try (var logs = Files.list(dir.resolve("logs"))) {
            assertTrue(logs.anyMatch(p -> p.getFileName().toString().startsWith("hs_err_pid")));
        }
        assertFalse(Files.exists(Path.of("core")));
    }

    private static io.github.opcompare.engine.result.CaseResult caseResult(String id) {
        return results.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static BackendResult result(String caseId, String backend) {
        return caseResult(caseId).results().stream().filter(r -> r.backend().equals(backend)).findFirst().orElseThrow();
    }
}
