package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.reference.ReferenceSettings;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference that cannot decide a rounding within its bound fails that case, with a message naming
 * op, dtype and input in results.json, on the console and as a warning, and the run goes on with the
 * next case. The undecided reference is real: exp evaluated with no usable bound and no digits to
 * escalate to, so every pass declines.
 */
class UndecidedReferenceFailsItsCaseTest {
    @TempDir
    Path dir;

    @Test
    void theCaseFailsWithTheReasonAndTheNextCaseRuns() throws Exception {
        ReferenceCalculator normal = new ReferenceCalculator();
        // No first pass, a double-double bound of 100% and an apfloat limit below its first attempt.
        ReferenceCalculator helpless = new ReferenceCalculator(new ReferenceSettings(0, 1.0, 40, 20));
        List<String> warnings = new ArrayList<>();
        List<String> console = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }

            @Override
            public void caseFinished(int index, int total, io.github.opcompare.engine.plan.PlannedCase planned, CaseResult result,
                    Duration elapsed) {
                console.add(ConsoleFormat.progressLine(index, total, result, elapsed, false));
            }
        };
        var cases = Planner.plan(List.of(
                new CaseSpec(null, "exp", List.of("float32"), "values(1.5)", 1, 1),
                new CaseSpec(null, "sqrt", List.of("float32"), "values(4,9)", 2, 1)));
        Results results = new ComparisonRunner(FaultyRuns.settings(dir, Duration.ofSeconds(60)), FaultyRuns.javaMathWorkers(), listener,
                (op, dtype, inputs) -> (op == Op.EXP ? helpless : normal).compute(op, dtype, inputs))
                .run(cases, List.of(new BackendDescriptor("math", "java-math", "cpu", "unused", Map.of())));

        assertEquals(2, results.cases().size());
        BackendResult exp = results.cases().get(0).results().get(0);
        assertEquals("failed", exp.status());
        assertNull(exp.accuracy());
        assertEquals("no exact reference: exp(1.5) in float32: the exact reference cannot decide the rounding within 20 digits",
                exp.message());
        assertEquals("ok", results.cases().get(1).results().get(0).status());
        assertTrue(warnings.stream().anyMatch(w -> w.contains(exp.message())), warnings.toString());
        assertTrue(FaultyRuns.schemaErrors(dir.resolve("results.json")).isEmpty());
        String written = Files.readString(dir.resolve("results.json"));
        assertTrue(written.contains("exp(1.5) in float32: the exact reference cannot decide the rounding"), written);
        assertTrue(ConsoleFormat.failureLines(results).stream().anyMatch(l -> l.contains("exp(1.5) in float32")),
                ConsoleFormat.failureLines(results).toString());
        assertEquals(2, console.size());
    }
}
