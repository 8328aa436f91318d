package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.check.LimitSpec;
import io.github.opcompare.engine.check.Rule;
import io.github.opcompare.engine.check.RuleChecker;
import io.github.opcompare.engine.check.RuleParser;
import io.github.opcompare.engine.check.RuleSpec;
import io.github.opcompare.engine.check.Violation;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Special inputs through real forked workers: java.lang.Math behind the protocol, one with a planted
 * error at 1, and workers that fail on NaN only (the case's own inputs run, its special inputs do not).
 */
class SpecialsRunTest {
    @TempDir
    Path dir;

    private Results run(String op, String inputs) throws Exception {
        return run(op, inputs, new BackendDescriptor("wrong", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_WRONG_AT", "1.0")));
    }

    private Results run(String op, String inputs, BackendDescriptor other) throws Exception {
        var cases = Planner.plan(List.of(new CaseSpec(null, op, List.of("float32"), inputs, 10, 7)));
        return new ComparisonRunner(FaultyRuns.settings(dir, Duration.ofSeconds(60)), FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, List.of(new BackendDescriptor("right", "java-math", "cpu", "unused", Map.of()), other));
    }

    /** A worker that answers the case's own inputs and fails on any call with a NaN among its inputs. */
    private static BackendDescriptor failingOnNaN(String id, String fault) {
        return new BackendDescriptor(id, "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_FAULT", fault, "OPCOMPARE_TEST_FAULT_ON", "nan"));
    }

    /** The check goal's path: results.json read back, one rule {@code specialMismatches <= 0} on every backend. */
    private List<String> specialMismatchViolations(Path resultsFile) throws IOException {
        Results results = ResultsJson.read(resultsFile);
        List<Rule> rules = RuleParser.parse(List.of(new RuleSpec(List.of(), List.of(), List.of(),
                List.of(new LimitSpec("specialMismatches", null, "0", null, null)))), results);
        return RuleChecker.check(results, rules).violations().stream().map(Violation::message).toList();
    }

    private JsonNode specialsJson(Path resultsFile) throws IOException {
        return new ObjectMapper().readTree(resultsFile.toFile()).get("cases").get(0).get("specials");
    }

    private static SpecialValue row(CaseResult c, String... inputs) {
        String text = String.join(", ", inputs);
        return c.specials().rows().stream().filter(s -> s.inputsText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void sqrtOfTheFifteenSpecialValuesAsIeeePrescribes() throws Exception {
        CaseResult sqrt = run("sqrt", "uniform(0,1)").cases().get(0);
        assertEquals(15, sqrt.specials().rows().size());
        // IEEE 754: sqrt(-0) = -0, sqrt of a negative number is NaN, sqrt(+Inf) = +Inf, sqrt(NaN) = NaN.
        assertEquals("-0.0", row(sqrt, "-0.0").expected());
        assertEquals("NaN", row(sqrt, "-1.0").expected());
        assertEquals("Infinity", row(sqrt, "Infinity").expected());
        assertEquals("NaN", row(sqrt, "NaN").expected());
        // The smallest subnormal 2^-149: its square root 2^-74.5 = 2^-74 / √2 = 3.74339213e-23, which
        // rounds to the float32 3.743392E-23.
        assertEquals("3.743392E-23", row(sqrt, "1.4E-45").expected());
        // The planted error: sqrt(1) one step up, only on "wrong", and only there.
        SpecialValue one = row(sqrt, "1.0");
        assertEquals("1.0", one.expected());
        assertEquals("1.0000001", one.actual().get("wrong"));
        assertEquals(List.of("wrong"), one.mismatches());
        assertEquals(0L, sqrt.specialMismatches("right"));
        assertEquals(1L, sqrt.specialMismatches("wrong"));
    }

    @Test
    void aBinaryOpGetsEveryPairOfSpecials() throws Exception {
        CaseResult add = run("add", "uniform(0,1);uniform(0,1)").cases().get(0);
        assertEquals(225, add.specials().rows().size());
        // IEEE 754 addition: Inf + -Inf is NaN; -0 + -0 = -0; -0 + +0 = +0 (round to nearest); max + max overflows.
        assertEquals("NaN", row(add, "Infinity", "-Infinity").expected());
        assertEquals("-0.0", row(add, "-0.0", "-0.0").expected());
        assertEquals("0.0", row(add, "-0.0", "0.0").expected());
        assertEquals("Infinity", row(add, "3.4028235E38", "3.4028235E38").expected());
        // 1 + -1 = +0 exactly; the planted error at x = 1 makes "wrong" return the next float up (MIN_VALUE).
        assertEquals("0.0", row(add, "1.0", "-1.0").expected());
        assertTrue(row(add, "1.0", "-1.0").mismatches().contains("wrong"));
        assertEquals(0L, add.specialMismatches("right"));
    }

    @Test
    void aReductionGetsSpecialVectorsAndThePlantedErrorIsFoundAtItsVector() throws Exception {
        CaseResult sum = run("reduce_sum", "uniform(0,1)").cases().get(0);
        assertEquals(8, sum.specials().rows().size());
        // IEEE 754 addition, in any order: NaN propagates, Inf + -Inf is invalid, -0 + -0 = -0, -0 + +0 = +0.
        assertEquals("NaN", row(sum, "[1.0, NaN]").expected());
        assertEquals("NaN", row(sum, "[Infinity, -Infinity]").expected());
        assertEquals("Infinity", row(sum, "[Infinity, 1.0]").expected());
        assertEquals("-0.0", row(sum, "[-0.0, -0.0]").expected());
        assertEquals("0.0", row(sum, "[-0.0, 0.0]").expected());
        // 2 MAX is beyond float32: +Infinity. MAX + MAX - MAX is MAX exactly, which the double sum keeps.
        assertEquals("Infinity", row(sum, "[3.4028235E38, 3.4028235E38]").expected());
        SpecialValue cancel = row(sum, "[3.4028235E38, 3.4028235E38, -3.4028235E38]");
        assertEquals("3.4028235E38", cancel.expected());
        assertEquals("3.4028235E38", cancel.actual().get("right"));
        assertNull(cancel.output());
        // The planted error: a sum over a vector holding 1.0 one step up. Only [1, -1] = +0 shows it
        // (NaN and Infinity have no step up); the smallest float32 above 0 is 1.4E-45.
        SpecialValue planted = row(sum, "[1.0, -1.0]");
        assertEquals("0.0", planted.expected());
        assertEquals("1.4E-45", planted.actual().get("wrong"));
        assertEquals(List.of("wrong"), planted.mismatches());
        assertEquals(0L, sum.specialMismatches("right"));
        assertEquals(1L, sum.specialMismatches("wrong"));
        // The case's own inputs are positive and well conditioned: relative error is reported with them.
        assertEquals(1.0, sum.results().get(0).accuracy().conditionNumber(), 1e-9);
        assertEquals(0L, sum.results().get(0).accuracy().undefinedRelativeError());
        assertTrue(FaultyRuns.schemaErrors(dir.resolve("results.json")).isEmpty(), FaultyRuns.schemaErrors(dir.resolve("results.json")).toString());
    }

    @Test
    void anOpNoBackendRunsStillListsItsSpecialVectors() throws Exception {
        // The java-math worker has no softmax: no backend result, but the prescribed results are listed,
        // one row per output: softmax(-Inf, 0) = (0, 1) in any evaluation, e^-Inf being exactly 0.
        CaseResult softmax = run("softmax", "uniform(0,1)").cases().get(0);
        List<SpecialValue> rows = softmax.specials().rows().stream().filter(s -> s.inputsText().equals("[-Infinity, 0.0]")).toList();
        assertEquals(2, rows.size());
        assertEquals(0, rows.get(0).output());
        assertEquals("0.0", rows.get(0).expected());
        assertEquals("1.0", rows.get(1).expected());
        assertTrue(rows.get(0).actual().isEmpty());
    }

    @Test
    void aBackendThatThrowsOnNaNIsRecordedAsFailedAndBreaksASpecialMismatchesLimit() throws Exception {
        Results results = run("sqrt", "uniform(0,1)", failingOnNaN("refuses-nan", "throw"));
        CaseResult sqrt = results.cases().get(0);
        // uniform(0,1) holds no NaN: the case itself ran and was judged.
        assertEquals("ok", sqrt.results().get(1).status());
        // The 15 special inputs of a unary op are one call, and NaN is among them: that call failed.
        Specials specials = sqrt.specials();
        assertEquals(SpecialsOutcome.ok(), specials.reference());
        assertEquals(SpecialsOutcome.ok(), specials.outcome("right"));
        assertEquals("failed", specials.outcome("refuses-nan").status());
        assertEquals("java.lang.IllegalStateException: planted failure: this input is refused", specials.outcome("refuses-nan").firstLine());
        assertTrue(specials.rows().stream().noneMatch(s -> s.actual().containsKey("refuses-nan")));
        // Left out of every row, it has no mismatch to count: the count alone would say 0.
        assertEquals(0L, sqrt.specialMismatches("refuses-nan"));

        Path file = dir.resolve("results.json");
        assertTrue(FaultyRuns.schemaErrors(file).isEmpty(), FaultyRuns.schemaErrors(file).toString());
        JsonNode json = specialsJson(file);
        assertEquals("ok", json.get("reference").get("status").asText());
        assertEquals("ok", json.get("backends").get("right").get("status").asText());
        assertFalse(json.get("backends").get("right").has("message"));
        assertEquals("failed", json.get("backends").get("refuses-nan").get("status").asText());
        assertTrue(json.get("backends").get("refuses-nan").get("message").asText()
                .startsWith("java.lang.IllegalStateException: planted failure: this input is refused\n"));
        assertEquals(15, json.get("rows").size());

        // "right" gets every special input right and passes; the backend that failed breaks the limit.
        assertEquals(List.of("case sqrt/float32 backend refuses-nan: the special inputs failed (java.lang.IllegalStateException:"
                + " planted failure: this input is refused), so specialMismatches cannot be checked"), specialMismatchViolations(file));
    }

    @Test
    void aWorkerThatDiesOnOneSpecialVectorFailsThereAndAnswersTheOthersAfterItsRestart() throws Exception {
        Results results = run("reduce_sum", "uniform(0,1)", failingOnNaN("dies-on-nan", "exit"));
        CaseResult sum = results.cases().get(0);
        assertEquals("ok", sum.results().get(1).status());
        Specials specials = sum.specials();
        // Of reduce_sum's 8 special vectors only [1, NaN] holds a NaN: the worker exits there, is
        // restarted, and answers the other 7.
        SpecialsOutcome dies = specials.outcome("dies-on-nan");
        assertEquals("failed", dies.status());
        assertTrue(dies.firstLine().startsWith("[1.0, NaN]: worker ended unexpectedly (exit code 42)"), dies.message());
        assertFalse(dies.firstLine().contains("more special vector"), dies.message());
        assertEquals(8, specials.rows().size());
        assertFalse(row(sum, "[1.0, NaN]").actual().containsKey("dies-on-nan"));
        assertEquals(7, specials.rows().stream().filter(s -> s.actual().containsKey("dies-on-nan")).count());
        assertEquals("-0.0", row(sum, "[-0.0, -0.0]").actual().get("dies-on-nan"));
        assertEquals(SpecialsOutcome.ok(), specials.outcome("right"));

        Path file = dir.resolve("results.json");
        assertTrue(FaultyRuns.schemaErrors(file).isEmpty(), FaultyRuns.schemaErrors(file).toString());
        List<String> violations = specialMismatchViolations(file);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("case reduce_sum/float32 backend dies-on-nan: the special inputs failed"
                + " ([1.0, NaN]: worker ended unexpectedly (exit code 42)"), violations.get(0));
        assertTrue(violations.get(0).endsWith("), so specialMismatches cannot be checked"), violations.get(0));
    }

    @Test
    void aBackendThatFailsOnSeveralSpecialVectorsNamesTheFirstAndCountsTheOthers() throws Exception {
        BackendDescriptor refusesNonFinite = new BackendDescriptor("refuses-inf", "java-math", "cpu", "unused",
                Map.of("OPCOMPARE_TEST_FAULT", "throw", "OPCOMPARE_TEST_FAULT_ON", "nonfinite"));
        CaseResult sum = run("reduce_sum", "uniform(0,1)", refusesNonFinite).cases().get(0);
        // reduce_sum's vectors with a NaN or an infinity, in VectorSpecials' order: [1, NaN], [Inf, -Inf], [Inf, 1].
        assertEquals("[1.0, NaN]: java.lang.IllegalStateException: planted failure: this input is refused (and 2 more special vectors)",
                sum.specials().outcome("refuses-inf").firstLine());
        assertEquals(5, sum.specials().rows().stream().filter(s -> s.actual().containsKey("refuses-inf")).count());
    }

    @Test
    void aBackendThatTakesNoSpecialInputsIsUnsupportedThereAndNotJudgedOnThem() throws Exception {
        // As a recording asked for inputs it was not recorded on: it answers unsupported, which is no crash.
        Results results = run("sqrt", "uniform(0,1)", failingOnNaN("recorded", "unsupported"));
        Specials specials = results.cases().get(0).specials();
        assertEquals(SpecialsOutcome.unsupported("planted: this input is not taken"), specials.outcome("recorded"));
        Path file = dir.resolve("results.json");
        assertTrue(FaultyRuns.schemaErrors(file).isEmpty(), FaultyRuns.schemaErrors(file).toString());
        assertEquals("unsupported", specialsJson(file).get("backends").get("recorded").get("status").asText());
        // Nothing to judge, as for an unsupported result: no violation, and a note says why.
        Results read = ResultsJson.read(file);
        RuleChecker.RuleOutcome outcome = RuleChecker.check(read, RuleParser.parse(List.of(new RuleSpec(List.of(), List.of(), List.of(),
                List.of(new LimitSpec("specialMismatches", null, "0", null, null)))), read));
        assertEquals(List.of(), outcome.violations());
        assertEquals(List.of("case sqrt/float32 backend recorded: specialMismatches not checked (rule 1): the backend does not take"
                + " the special inputs (planted: this input is not taken)"), outcome.notes());
    }

    @Test
    void whenTheReferenceFailsOnASpecialVectorNoBackendCountsAsHavingNoMismatches() throws Exception {
        var planned = Planner.plan(List.of(new CaseSpec(null, "reduce_sum", List.of("float32"), "uniform(0,1)", 10, 7))).get(0);
        ReferenceCalculator exact = new ReferenceCalculator();
        // A reference that cannot settle one vector, as a bounded reference loop that gives up would.
        CachedReference.Computation planted = (op, dtype, inputs) -> {
            if (Double.isNaN(inputs.get(0).get(1))) {
                throw new ArithmeticException("planted: undecided");
            }
            return exact.compute(op, dtype, inputs);
        };
        RunSettings settings = FaultyRuns.settings(dir, Duration.ofSeconds(60));
        Path caseDir = java.nio.file.Files.createDirectories(dir.resolve("case"));
        List<String> warnings = new java.util.ArrayList<>();
        Specials specials;
        try (BackendSession right = BackendSession.open(new BackendDescriptor("right", "java-math", "cpu", "unused", Map.of()),
                FaultyRuns.javaMathWorkers(), dir, Duration.ofSeconds(60))) {
            specials = new SpecialsRun(planted, settings, new RunListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(planned, List.of(right), caseDir);
        }
        assertEquals("failed", specials.reference().status());
        assertEquals("[1.0, NaN]: planted: undecided", specials.reference().message());
        assertEquals(List.of("reduce_sum/float32: no reference for the special inputs [1.0, NaN]: planted: undecided"), warnings);
        // The other 7 vectors are judged, and "right" gets them right.
        assertEquals(7, specials.rows().size());
        assertEquals(SpecialsOutcome.ok(), specials.outcome("right"));
        assertEquals(0, specials.mismatches("right"));

        CaseResult ran = new CaseResult(planned.id(), planned.op().id(), "float32", planned.inputExpressions(), 10, 7,
                List.of(new io.github.opcompare.engine.result.BackendResult("right", "ok", null, null, null, null, null, null, null, null)),
                List.of(), null, null, null, null, specials);
        Path file = dir.resolve("results.json");
        ResultsJson.write(new Results(Results.SCHEMA, "test", true, settings.environment(), List.of(), List.of(ran)), file);
        assertTrue(FaultyRuns.schemaErrors(file).isEmpty(), FaultyRuns.schemaErrors(file).toString());
        assertEquals("failed", specialsJson(file).get("reference").get("status").asText());
        // 0 mismatches among the 7 judged is not 0 among the 8.
        assertEquals(List.of("case reduce_sum/float32 backend right: the reference failed on the special inputs ([1.0, NaN]:"
                + " planted: undecided), so specialMismatches cannot be checked"), specialMismatchViolations(file));
    }

    @Test
    void aReferenceThatFailsOnAnElementwiseOpsSpecialsRunsNoBackendOnThem() throws Exception {
        var planned = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float32"), "uniform(0,1)", 10, 7))).get(0);
        Path caseDir = java.nio.file.Files.createDirectories(dir.resolve("case"));
        Specials specials;
        try (BackendSession right = BackendSession.open(new BackendDescriptor("right", "java-math", "cpu", "unused", Map.of()),
                FaultyRuns.javaMathWorkers(), dir, Duration.ofSeconds(60))) {
            specials = new SpecialsRun((op, dtype, inputs) -> {
                throw new IllegalStateException("planted: no reference");
            }, FaultyRuns.settings(dir, Duration.ofSeconds(60)), new RunListener() {
            }).run(planned, List.of(right), caseDir);
        }
        // One call holds all 15: without their prescribed results there is nothing to judge.
        assertEquals(SpecialsOutcome.failed("planted: no reference"), specials.reference());
        assertTrue(specials.rows().isEmpty());
        assertTrue(specials.backends().isEmpty());
    }
}
