package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.config.CompareOptions;
import io.github.opcompare.engine.gpu.GpuDetection;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.worker.JavaMathWorker;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare goal without Maven: parameters as a user writes them, a catalog, and workers forked
 * from this JVM's classpath (the test worker {@link JavaMathWorker}, java.lang.Math on float32).
 */
class CompareJobTest {
    private static final BackendCatalog CATALOG = BackendCatalog.of(List.of(
            new BackendDescriptor("math", "java-math", "cpu", "unused", Map.of()),
            // Throws on every call: a failed result.
            new BackendDescriptor("math-broken", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_FAULT", "throw"))));
    private static final GpuDetection NO_GPU = new GpuDetection(null, List.of(), "no GPU in this test");

    @TempDir
    static Path project;
    static CompareJob.Outcome outcome;
    static final List<String> info = new ArrayList<>();
    static final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        // sqrt of perfect squares: 1, 2 and 3 exactly, which Math.sqrt (IEEE 754, correctly rounded) returns.
        outcome = new CompareJob(new CompareJob.Request(project, options(), cases(), List.of("math, math-broken"), List.of(),
                "test", "3.9.9")).run(CATALOG, CompareJobTest::forkedWorkers, () -> NO_GPU, log());
    }

    @Test
    void theResultsRecordTheMachineCapturedWhileTheWorkersStarted() throws Exception {
        // Captured on a thread of its own: it must still reach results.json, in memory and on disk.
        var environment = outcome.results().environment();
        assertNotNull(environment);
        assertEquals(Runtime.getRuntime().availableProcessors(), environment.cores());
        assertEquals("3.9.9", environment.maven());
        assertTrue(environment.referenceFirstPass().containsKey("exp"), String.valueOf(environment.referenceFirstPass()));
        var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outcome.resultsFile().toFile()).get("environment");
        assertEquals("3.9.9", written.get("maven").asText());
    }

    @Test
    void theResultsAreWrittenAndJudged() {
        assertTrue(Files.exists(project.resolve("target/opcompare/results.json")));
        assertEquals(project.resolve("target/opcompare/results.json"), outcome.resultsFile());
        CaseResult sqrt = outcome.results().cases().get(0);
        assertEquals("sqrt", sqrt.op());
        BackendResult math = sqrt.results().get(0);
        assertEquals("math", math.backend());
        assertEquals("ok", math.status());
        assertEquals(0.0, math.accuracy().maxUlp());
        assertEquals("failed", sqrt.results().get(1).status());
    }

    @Test
    void theLogSaysWhatRanAndWhereTheResultsAre() {
        assertEquals("opcompare: 1 case on [math, math-broken]", info.get(0));
        assertTrue(info.contains("opcompare: results in " + outcome.resultsFile()), info.toString());
    }

    @Test
    void aFailedResultIsAWarningByDefault() {
        assertFalse(outcome.failsBuild());
        assertTrue(warnings.get(0).startsWith("opcompare: 1 result failed; details in "), warnings.toString());
        assertTrue(warnings.get(1).startsWith("  sqrt/float32 on math-broken: "), warnings.toString());
    }

    @Test
    void failOnBackendErrorMakesTheFailureTheBuilds(@TempDir Path other) throws Exception {
        CompareJob.Outcome failing = new CompareJob(new CompareJob.Request(other, options().outputDirectory(
                other.resolve("out")).failOnBackendError("true"), cases(), List.of("math-broken"), List.of(), "test", "3.9.9"))
                .run(CATALOG, CompareJobTest::forkedWorkers, () -> NO_GPU, quiet());
        assertTrue(failing.failsBuild());
        assertTrue(failing.buildFailure().startsWith("opcompare: 1 result failed (failOnBackendError):\n  sqrt/float32 on math-broken: "),
                failing.buildFailure());
    }

    @Test
    void aMistakeStopsTheJobBeforeAnyWorkerIsResolved(@TempDir Path other) {
        AtomicInteger resolutions = new AtomicInteger();
        Function<CompareOptions, WorkerCommandFactory> counting = options -> {
            resolutions.incrementAndGet();
            return forkedWorkers(options);
        };
        CompareJob badTimeout = new CompareJob(new CompareJob.Request(other, options().caseTimeout("-1"), cases(), List.of(),
                List.of(), "test", "3.9.9"));
        var e = assertThrows(CompareJob.ConfigurationException.class, () -> badTimeout.run(CATALOG, counting, () -> NO_GPU, quiet()));
        assertTrue(e.getMessage().startsWith("Invalid caseTimeout '-1': a duration cannot be negative"), e.getMessage());
        CompareJob badBackend = new CompareJob(new CompareJob.Request(other, options(), cases(), List.of("math, tpu"),
                List.of(), "test", "3.9.9"));
        e = assertThrows(CompareJob.ConfigurationException.class, () -> badBackend.run(CATALOG, counting, () -> NO_GPU, quiet()));
        assertEquals("Unknown backend 'tpu'; valid backends are: math, math-broken", e.getMessage());
        assertEquals(0, resolutions.get());
        assertFalse(Files.exists(other.resolve("target/opcompare/results.json")));
    }

    /** Small and quick: one untimed run, no JIT warm-up, no cache. */
    private static CompareOptions.Builder options() {
        return CompareOptions.builder().sizes("none").timeBudget("0").jitWarmup("0").repeats("1").compareThreads("false")
                .referenceCache("none");
    }

    private static List<CaseSpec> cases() {
        return List.of(new CaseSpec(null, "sqrt", List.of("float32"), "values(1,4,9)", 3, 1));
    }

    private static WorkerCommandFactory forkedWorkers(CompareOptions options) {
        return backend -> WorkerCommand.java(WorkerCommand.javaOfThisJvm(), List.of("-Xmx64m"),
                Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)),
                JavaMathWorker.class.getName(), backend.environment());
    }

    private static JobLog log() {
        return new JobLog() {
            @Override
            public void info(String line) {
                info.add(line);
            }

            @Override
            public void warn(String line) {
                warnings.add(line);
            }
        };
    }

    private static JobLog quiet() {
        return new JobLog() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
            }
        };
    }

}
