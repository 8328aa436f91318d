package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.worker.BackendUnavailableException;
import io.github.opcompare.engine.worker.JavaMathWorker;
import io.github.opcompare.engine.worker.WorkerCommand;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run against real forked workers (java.lang.Math behind the worker protocol). */
class ComparisonRunnerTest {
    @TempDir
    static Path dir;
    static Results results;
    static final List<String> progress = new ArrayList<>();
    /** What the listener heard, in order: "judged 1" or "finished 1", and the results it was given. */
    static final List<String> events = new ArrayList<>();
    static final List<CaseResult> judged = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        List<BackendDescriptor> backends = List.of(
                new BackendDescriptor("math-a", "java-math", "cpu", "unused", Map.of()),
                new BackendDescriptor("ghost", "ghost", "cpu", "unused", Map.of()),
                new BackendDescriptor("math-b", "java-math", "cpu", "unused", Map.of()));
        var cases = Planner.plan(List.of(
                new CaseSpec(null, "sqrt", List.of("float32"), "range(0,100)", 10, 1),
                new CaseSpec("unsupported-tanh", "tanh", List.of("float64"), "uniform(-1,1)", 10, 1),
                new CaseSpec(null, "add", List.of("float32"), "values(1,0.1,-0.0);values(2,0.2,-0.0)", 10, 1)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(100), Duration.ofMillis(300), 2, true, Duration.ofSeconds(60), Duration.ofSeconds(60), 3,
                EnvironmentProbe.capture("test", List.of()), "test");
        RunListener listener = new RunListener() {
            @Override
            public void caseJudged(int index, int total, io.github.opcompare.engine.plan.PlannedCase planned,
                    CaseResult result, Duration elapsed) {
                events.add("judged " + index);
                judged.add(result);
            }

            @Override
            public void caseFinished(int index, int total, io.github.opcompare.engine.plan.PlannedCase planned,
                    CaseResult result, Duration elapsed) {
                events.add("finished " + index);
                progress.add(ConsoleFormat.progressLine(index, total, result, elapsed));
            }
        };
        results = new ComparisonRunner(settings, backend -> {
            if (backend.id().equals("ghost")) {
                throw new BackendUnavailableException("no ghost library on this machine");
            }
            return WorkerCommand.java(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of("-Xmx64m"),
                    Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)),
                    JavaMathWorker.class.getName(), backend.environment());
        }, listener).run(cases, backends);
    }

    @Test
    void sqrtOverArangeIsJudgedAgainstTheExactValue() {
        BackendResult r = result("sqrt", "math-a");
        assertEquals("ok", r.status());
        assertEquals(100, r.largestTiming().size());
        assertEquals(1.0, r.accuracy().correctlyRounded());
        // Worked out with exact decimal arithmetic: |float(sqrt(94)) - sqrt(94)| / 2^-20 is the largest.
        assertEquals(0.49165963077547576, r.accuracy().maxUlp(), 1e-12);
        assertEquals(0.24000215902859627, r.accuracy().meanUlp(), 1e-12);
        assertEquals(0L, r.accuracy().maxSteps());
        assertEquals(List.of("94.0"), r.accuracy().worst().get(0).inputs());
        assertEquals("9.69536", r.accuracy().worst().get(0).expected());
    }

    @Test
    void addKeepsNegativeZeroAndRoundsLikeIeee() {
        BackendResult r = result("add", "math-b");
        assertEquals(1.0, r.accuracy().correctlyRounded());
        assertEquals(3, caseResult("add").size());
    }

    @Test
    void unsupportedAndUnavailableBackendsLoseNothingElse() {
        BackendResult tanh = result("unsupported-tanh", "math-a");
        assertEquals("unsupported", tanh.status());
        assertEquals("java-math test worker has no tanh", tanh.message());
        assertNull(tanh.accuracy());
        BackendResult ghost = result("sqrt", "ghost");
        assertEquals("skipped", ghost.status());
        assertEquals("no ghost library on this machine", ghost.message());
        var info = results.backends().stream().filter(b -> b.id().equals("ghost")).findFirst().orElseThrow();
        assertFalse(info.available());
    }

    @Test
    void identicalBackendsAgreeBitForBit() {
        var agreement = caseResult("sqrt").agreement();
        assertEquals(1, agreement.size());
        assertEquals("math-a", agreement.get(0).a());
        assertEquals("math-b", agreement.get(0).b());
        assertEquals(1.0, agreement.get(0).identical());
        assertEquals(0L, agreement.get(0).maxSteps());
    }

    @Test
    void resultsJsonIsCompleteAndFollowsItsSchema() throws Exception {
        Path file = dir.resolve("results.json");
        assertTrue(ResultsJson.read(file).complete());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/io/github/opcompare/engine/results.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), errors.toString());
        // Values are strings in Java's round-trip form.
        assertEquals("-0.0", json.at("/cases/2/results/0/accuracy/worst").findValuesAsText("actual").stream()
                .filter(v -> v.equals("-0.0")).findFirst().orElse("missing"));
    }

    @Test
    void scratchFilesAreGoneAndProgressWasReportedPerCase() {
        assertFalse(Files.exists(dir.resolve("work")));
        assertEquals(3, progress.size());
        assertTrue(progress.get(0).startsWith("[1/3] sqrt/float32 (100 values): math-a 0.49 ulp, ghost skipped, math-b 0.49 ulp"),
                progress.get(0));
    }

    /**
     * Each case is told judged (what the console's line shows) before it is timed, and finished after:
     * the judged result carries the accuracy of the finished one and no timing yet. The tanh case
     * has nothing to time (no backend runs it) and is told judged with its whole result.
     */
    @Test
    void eachCaseIsToldJudgedBeforeItsTimingAndFinishedAfter() {
        assertEquals(List.of("judged 1", "finished 1", "judged 2", "finished 2", "judged 3", "finished 3"), events);
        for (int i = 0; i < 3; i++) {
            CaseResult whole = results.cases().get(i);
            CaseResult early = judged.get(i);
            assertEquals(whole.id(), early.id());
            for (int k = 0; k < whole.results().size(); k++) {
                BackendResult before = early.results().get(k);
                BackendResult after = whole.results().get(k);
                assertEquals(after.status(), before.status(), after.backend());
                assertEquals(after.accuracy(), before.accuracy(), after.backend());
                if (!"unsupported-tanh".equals(whole.id())) {
                    assertNull(before.largestTiming(), before.backend() + " timed before it was judged");
                }
            }
        }
        assertTrue(result("sqrt", "math-a").largestTiming() != null, "the finished sqrt case is timed");
    }

    private static CaseResult caseResult(String id) {
        return results.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static BackendResult result(String caseId, String backend) {
        return caseResult(caseId).results().stream().filter(r -> r.backend().equals(backend)).findFirst().orElseThrow();
    }
}
