package io.github.opcompare.engine.check;

import static io.github.opcompare.engine.check.CheckFixtures.accuracy;
import static io.github.opcompare.engine.check.CheckFixtures.caseOf;
import static io.github.opcompare.engine.check.CheckFixtures.exp32;
import static io.github.opcompare.engine.check.CheckFixtures.ok;
import static io.github.opcompare.engine.check.CheckFixtures.results;
import static io.github.opcompare.engine.check.CheckFixtures.timing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.SourceDescriptors;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckRulesTest {

    private static LimitSpec max(String metric, String value) {
        return new LimitSpec(metric, null, value, null, null);
    }

    private static LimitSpec min(String metric, String value) {
        return new LimitSpec(metric, value, null, null, null);
    }

    private static RuleSpec rule(String ops, String dtypes, String backends, LimitSpec... limits) {
        return new RuleSpec(ops == null ? List.of() : List.of(ops), dtypes == null ? List.of() : List.of(dtypes),
                backends == null ? List.of() : List.of(backends), List.of(limits));
    }

    private static List<String> messages(Results results, RuleSpec... rules) {
        return RuleChecker.check(results, RuleParser.parse(List.of(rules), results)).violations().stream().map(Violation::message).toList();
    }

    private final Results nd4jExp = results(
            exp32(List.of(ok("tensorflow-cpu", accuracy(1.16, 0.9, 1L, 0), true),
                            ok("nd4j-cpu", accuracy(4880.0, 0.8293, 4880L, 0), true, timing(1000, 20_000, 21_000, 22_000))),
                    List.of(new Agreement("tensorflow-cpu", "nd4j-cpu", 0.75, 4880L))),
            caseOf("tanh", "tanh", "float32", List.of(ok("nd4j-cpu", accuracy(1.5, 0.995, 1L, 0), true))),
            caseOf("exp64", "exp", "float64", List.of(ok("nd4j-cpu", accuracy(9.0, 0.5, 9L, 0), true))));

    @Test
    void issueExampleGivesJacocoStyleLinesForEveryBrokenLimit() {
        List<String> lines = messages(nd4jExp, rule("tanh,exp", "float32", "nd4j-cpu", max("maxUlp", "4"), min("correctlyRounded", "99%")));
        // tanh keeps both limits (1.5 <= 4, 99.5% >= 99%); exp/float64 is outside the rule's dtypes.
        assertEquals(List.of(
                "case exp/float32 backend nd4j-cpu: maxUlp is 4880.0, but expected maximum is 4",
                "case exp/float32 backend nd4j-cpu: correctlyRounded is 82.93%, but expected minimum is 99%"), lines);
    }

    @Test
    void emptySelectorsCoverEveryResult() {
        List<String> lines = messages(nd4jExp, rule(null, null, null, max("maxSteps", "8")));
        assertEquals(List.of("case exp/float32 backend nd4j-cpu: maxSteps is 4880, but expected maximum is 8",
                "case exp64/float64 backend nd4j-cpu: maxSteps is 9, but expected maximum is 8"), lines);
    }

    @Test
    void agreementIsReadFromThePairWhicheverSideTheBackendIsOn() {
        LimitSpec agree = new LimitSpec("agreement", "0.9", null, "nd4j-cpu", null);
        assertEquals(List.of("case exp/float32 backend tensorflow-cpu: agreement with nd4j-cpu is 0.75, but expected minimum is 0.9"),
                messages(nd4jExp, rule("exp", "float32", "tensorflow-cpu", agree)));
    }

    @Test
    void medianAtANamedSizeAndReproducibility() {
        Results r = results(exp32(List.of(ok("nd4j-cpu", accuracy(0.5, 1.0, 0L, 0), false, timing(1000, 30, 40, 50), timing(10_000, 300, 400, 500))),
                List.of()));
        assertEquals(List.of("case exp/float32 backend nd4j-cpu: medianNanos at size 1000 is 40.0, but expected maximum is 35",
                        "case exp/float32 backend nd4j-cpu: reproducible is false, but expected minimum is true"),
                messages(r, rule(null, null, null, new LimitSpec("medianNanos", null, "35", null, "1e3"), min("reproducible", "true"))));
        // Without a size the largest timed is judged: 400 ns.
        assertEquals(List.of("case exp/float32 backend nd4j-cpu: medianNanos is 400.0, but expected maximum is 399"),
                messages(r, rule(null, null, null, max("medianNanos", "399"))));
    }

    @Test
    void undefinedUlpBreaksAMaximumAndCountsAsSpecialMismatches() {
        Results r = results(exp32(List.of(ok("nd4j-cpu", accuracy(null, 0.98, null, 2), true)), List.of()));
        List<String> lines = messages(r, rule(null, null, null, max("maxUlp", "4"), max("specialMismatches", "0")));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("case exp/float32 backend nd4j-cpu: maxUlp is undefined (2 results NaN or infinite"), lines.get(0));
        assertTrue(lines.get(0).endsWith(", but expected maximum is 4"));
        assertEquals("case exp/float32 backend nd4j-cpu: specialMismatches is 2, but expected maximum is 0", lines.get(1));
    }

    @Test
    void maxRelativeErrorJudgesReductionsAndMatmulOnly() {
        // The naive float32 sum of [1e8, 1, -1e8] is 0 against an exact 1: relative error |0 - 1| / 1 = 1.
        Accuracy naive = accuracy(8388608.0, 0, 8388608L, 0).withRelativeError(1.0, 1.0, 0, 200000001.0);
        // A nonzero sum where the exact one is 0: infinite relative error, worse than any maximum.
        Accuracy infinite = accuracy(1.0, 0, 1L, 0).withRelativeError(null, null, 1, null);
        // A correct overflow to Infinity: no relative error at all, so not judged.
        Accuracy overflow = accuracy(0.5, 1, 0L, 0).withRelativeError(null, null, 0, null);
        Results r = results(
                caseOf("sum", "reduce_sum", "float32", List.of(ok("nd4j-cpu", naive, true), ok("tensorflow-cpu", infinite, true))),
                caseOf("big", "reduce_sum", "float32", List.of(ok("nd4j-cpu", overflow, true))),
                exp32(List.of(ok("nd4j-cpu", accuracy(4880.0, 0.8293, 4880L, 0), true)), List.of()));
        RuleChecker.RuleOutcome outcome = RuleChecker.check(r, RuleParser.parse(List.of(rule(null, null, null, max("maxRelativeError", "1e-6"))), r));
        List<String> lines = outcome.violations().stream().map(Violation::message).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("case sum/float32 backend nd4j-cpu: maxRelativeError is 1.0, but expected maximum is 1e-6", lines.get(0));
        assertTrue(lines.get(1).startsWith("case sum/float32 backend tensorflow-cpu: maxRelativeError is infinite (1 result nonzero"), lines.get(1));
        // The overflow and the elementwise exp are notes, not violations.
        assertEquals(2, outcome.notes().size(), outcome.notes().toString());
        assertTrue(outcome.notes().get(1).contains("relative error is measured for reductions, softmax and matmul only"), outcome.notes().toString());
        assertEquals(List.of(), messages(r, rule("reduce_sum", null, "nd4j-cpu", max("maxRelativeError", "1"))));
    }

    private static final String SEGV = "worker crashed with signal 11 (SIGSEGV) in native code: SIGSEGV (0xb) at pc=0x7f3a;"
            + " problematic frame: C [libnd4jcpu.so+0x1c2d]\nlast lines of stderr:\n# A fatal error has been detected";

    @Test
    void aFailedResultBreaksEveryLimitOfARuleThatCoversItWithTheReason() {
        Results r = results(exp32(List.of(BackendResult.notRun("nd4j-cpu", Status.FAILED, SEGV),
                ok("tensorflow-cpu", accuracy(1.0, 0.9, 1L, 0), true)), List.of()));
        // The first line of the failure, not the stderr after it; one violation per limit, minimum or maximum.
        assertEquals(List.of(
                "case exp/float32 backend nd4j-cpu: failed (worker crashed with signal 11 (SIGSEGV) in native code: SIGSEGV (0xb)"
                        + " at pc=0x7f3a; problematic frame: C [libnd4jcpu.so+0x1c2d]), so maxUlp cannot be checked",
                "case exp/float32 backend nd4j-cpu: failed (worker crashed with signal 11 (SIGSEGV) in native code: SIGSEGV (0xb)"
                        + " at pc=0x7f3a; problematic frame: C [libnd4jcpu.so+0x1c2d]), so correctlyRounded cannot be checked"),
                messages(r, rule("exp", "float32", "nd4j-cpu", max("maxUlp", "4"), min("correctlyRounded", "99%"))));
        RuleChecker.RuleOutcome outcome = RuleChecker.check(r, RuleParser.parse(List.of(rule(null, null, "nd4j-cpu", max("maxUlp", "4"))), r));
        Violation v = outcome.violations().get(0);
        assertEquals(null, v.actual());
        assertEquals("expected maximum is 4", v.expectation());
        assertEquals(List.of(), outcome.notes());
    }

    @Test
    void aRuleOnEveryBackendBreaksOnTheOneThatFailedAndLeavesSkippedAndUnsupportedAlone() {
        Results r = results(
                exp32(List.of(BackendResult.notRun("nd4j-cpu", Status.FAILED, "no answer within 600 s; the worker was ended"),
                        ok("tensorflow-cpu", accuracy(1.0, 0.9, 1L, 0), true)), List.of()),
                caseOf("tanh", "tanh", "float32", List.of(BackendResult.notRun("nd4j-cpu", Status.SKIPPED, "no CUDA device"),
                        BackendResult.notRun("tensorflow-cpu", Status.UNSUPPORTED, "no tanh for float32"))));
        RuleChecker.RuleOutcome outcome = RuleChecker.check(r, RuleParser.parse(List.of(rule(null, null, null, max("maxUlp", "4"))), r));
        assertEquals(List.of("case exp/float32 backend nd4j-cpu: failed (no answer within 600 s; the worker was ended),"
                + " so maxUlp cannot be checked"), outcome.violations().stream().map(Violation::message).toList());
        // A skipped or unsupported result has nothing to judge: no violation and no note of its own.
        assertEquals(List.of(), outcome.notes());
        RuleChecker.RuleOutcome tanhOnly = RuleChecker.check(r, RuleParser.parse(List.of(rule("tanh", null, null, max("maxUlp", "4"))), r));
        assertEquals(List.of(), tanhOnly.violations());
        assertEquals(List.of("rule 1 matched no result with status ok or failed"), tanhOnly.notes());
    }

    @Test
    void inAMergedFileTheFailedMachineBreaksTheRuleAndTheOtherPasses() {
        Results merged = results(exp32(List.of(ok("nd4j-cpu@xeon", accuracy(1.0, 0.9, 1L, 0), true),
                BackendResult.notRun("nd4j-cpu@epyc", Status.FAILED, "worker ran out of memory (exit code 3)")), List.of()));
        assertEquals(List.of("case exp/float32 backend nd4j-cpu@epyc: failed (worker ran out of memory (exit code 3)),"
                + " so maxUlp cannot be checked"), messages(merged, rule(null, null, "nd4j-cpu", max("maxUlp", "4"))));
    }

    /** exp/float32 with two special inputs, NaN and -0.0, as the special run recorded them. */
    private static Results withSpecials(SpecialsOutcome reference, Map<String, SpecialsOutcome> outcomes, List<SpecialValue> rows) {
        CaseResult c = exp32(List.of(ok("nd4j-cpu", accuracy(1.0, 0.9, 1L, 0), true), ok("tensorflow-cpu", accuracy(1.0, 0.9, 1L, 0), true)),
                List.of());
        return results(new CaseResult(c.id(), c.op(), c.dtype(), c.inputs(), c.size(), c.seed(), c.results(), c.agreement(), null, null,
                null, null, new Specials(reference, outcomes, rows)));
    }

    // exp(NaN) = NaN; exp(-0) = 1 (C99 F.9.3.1).
    private static final List<SpecialValue> TF_ONLY = List.of(
            SpecialValue.elementwise(List.of("NaN"), "NaN", Map.of("tensorflow-cpu", "NaN"), List.of()),
            SpecialValue.elementwise(List.of("-0.0"), "1.0", Map.of("tensorflow-cpu", "1.0"), List.of()));

    @Test
    void aBackendThatFailedOnTheSpecialInputsBreaksAnySpecialMismatchesLimit() {
        Results r = withSpecials(SpecialsOutcome.ok(), Map.of("tensorflow-cpu", SpecialsOutcome.ok(),
                "nd4j-cpu", SpecialsOutcome.failed("java.lang.IllegalStateException: NaN input\n\tat Nd4j.exp(Nd4j.java:1)")), TF_ONLY);
        String why = "case exp/float32 backend nd4j-cpu: the special inputs failed (java.lang.IllegalStateException: NaN input),"
                + " so specialMismatches cannot be checked";
        assertEquals(List.of(why), messages(r, rule(null, null, null, max("specialMismatches", "0"))));
        // Any limit: a minimum too, however loose (nothing vouches for the count).
        assertEquals(List.of(why), messages(r, rule(null, null, null, new LimitSpec("specialMismatches", "0", "1000", null, null))));
        // The other metrics come from the case's own inputs, which ran: 1.0 ulp is within 4.
        assertEquals(List.of(), messages(r, rule(null, null, "nd4j-cpu", max("maxUlp", "4"))));
    }

    @Test
    void aReferenceThatFailedOnTheSpecialInputsBreaksTheLimitOfEveryBackend() {
        Results r = withSpecials(SpecialsOutcome.failed("[1.0, NaN]: undecided after 4096 bits"),
                Map.of("tensorflow-cpu", SpecialsOutcome.ok(), "nd4j-cpu", SpecialsOutcome.ok()), List.of());
        assertEquals(List.of(
                "case exp/float32 backend nd4j-cpu: the reference failed on the special inputs ([1.0, NaN]: undecided after 4096 bits),"
                        + " so specialMismatches cannot be checked",
                "case exp/float32 backend tensorflow-cpu: the reference failed on the special inputs ([1.0, NaN]: undecided after"
                        + " 4096 bits), so specialMismatches cannot be checked"),
                messages(r, rule(null, null, null, max("specialMismatches", "5"))));
    }

    @Test
    void specialsWithoutRecordedOutcomesCountTheRowsOfTheBackendsInThemAndFallBackForTheOthers() {
        // A file written before the outcomes: tensorflow-cpu gets exp(-0) wrong; nd4j-cpu is in no row.
        List<SpecialValue> rows = List.of(
                SpecialValue.elementwise(List.of("NaN"), "NaN", Map.of("tensorflow-cpu", "NaN"), List.of()),
                SpecialValue.elementwise(List.of("-0.0"), "1.0", Map.of("tensorflow-cpu", "0.99999994"), List.of("tensorflow-cpu")));
        CaseResult c = exp32(List.of(ok("nd4j-cpu", accuracy(null, 0.9, null, 3), true), ok("tensorflow-cpu", accuracy(1.0, 0.9, 1L, 0), true)),
                List.of());
        Results r = results(new CaseResult(c.id(), c.op(), c.dtype(), c.inputs(), c.size(), c.seed(), c.results(), c.agreement(), null,
                null, null, null, new Specials(null, null, rows)));
        // nd4j-cpu: its 3 NaN/infinite results where the exact value is finite, as for a file without specials.
        assertEquals(List.of("case exp/float32 backend nd4j-cpu: specialMismatches is 3, but expected maximum is 0",
                        "case exp/float32 backend tensorflow-cpu: specialMismatches is 1, but expected maximum is 0"),
                messages(r, rule(null, null, null, max("specialMismatches", "0"))));
    }

    @Test
    void specialsAsOldFilesWroteThemAreReadAsRowsWithoutOutcomes() throws Exception {
        String old = "{\"id\": \"exp\", \"op\": \"exp\", \"dtype\": \"float32\", \"inputs\": [\"uniform(0,1)\"], \"size\": 1,"
                + " \"seed\": 1, \"results\": [], \"agreement\": [], \"specials\": [{\"inputs\": [\"-0.0\"], \"expected\": \"1.0\","
                + " \"actual\": {\"jdk\": \"1.0\"}, \"mismatches\": []}]}";
        CaseResult c = new com.fasterxml.jackson.databind.ObjectMapper().readValue(old, CaseResult.class);
        assertEquals(null, c.specials().reference());
        assertEquals(null, c.specials().backends());
        assertEquals(1, c.specials().rows().size());
        assertEquals("1.0", c.specials().rows().get(0).actual().get("jdk"));
    }

    @Test
    void aViolationLeftUncheckedReadsBackFromCheckJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Results r = results(exp32(List.of(BackendResult.notRun("nd4j-cpu", Status.FAILED, "worker ended unexpectedly (exit code 42)")),
                List.of()));
        RuleChecker.RuleOutcome outcome = RuleChecker.check(r, RuleParser.parse(List.of(rule(null, null, null, max("maxUlp", "4"))), r));
        java.nio.file.Path file = dir.resolve("check.json");
        CheckJson.write(CheckReport.of("results.json", null, outcome, null), file);
        CheckReport back = CheckJson.read(file);
        assertEquals(outcome.violations(), back.violations());
        assertEquals("case exp/float32 backend nd4j-cpu: failed (worker ended unexpectedly (exit code 42)), so maxUlp cannot be checked",
                back.violations().get(0).message());
        assertTrue(java.nio.file.Files.readString(file).contains("\"unchecked\" : \"failed (worker ended unexpectedly (exit code 42))\""));
    }

    @Test
    void configurationErrorsNameTheCulpritAndTheChoices() {
        assertEquals("rule 1: unknown metric 'maxulpp'; valid metrics are: maxUlp, meanUlp, maxRelativeError, correctlyRounded, maxSteps,"
                + " agreement, reproducible, specialMismatches, medianNanos", parseError(rule(null, null, null, max("maxulpp", "1"))));
        String op = parseError(rule("expp", null, null, max("maxUlp", "1")));
        assertTrue(op.startsWith("rule 1: Unknown op 'expp'; valid ops are: ") && op.contains(" exp,"), op);
        assertTrue(parseError(rule(null, "float31", null, max("maxUlp", "1"))).contains("Unknown dtype 'float31'"));
        String backend = parseError(rule(null, null, "nd4j", max("maxUlp", "1")));
        assertTrue(backend.startsWith("rule 1: unknown backend 'nd4j'; valid backends are: tensorflow-cpu, tensorflow-gpu, nd4j-cpu"), backend);
        assertTrue(parseError(rule(null, null, null, max("maxUlp", "4%"))).contains("a percentage fits only a share"));
        assertTrue(parseError(rule(null, null, null, min("correctlyRounded", "150%"))).contains("a share lies from 0 to 1"));
        assertEquals("rule 1: invalid limit '-1' for maxUlp: maxUlp is never negative; write a number of 0 or more",
                parseError(rule(null, null, null, max("maxUlp", "-1"))));
        assertEquals("rule 1: invalid limit '-5' for medianNanos: medianNanos is never negative; write a number of 0 or more",
                parseError(rule(null, null, null, max("medianNanos", "-5"))));
        assertTrue(parseError(rule(null, null, null, max("agreement", "1"))).contains("the limit on agreement needs <with>"));
        assertTrue(parseError(rule(null, null, null, new LimitSpec("maxUlp", null, null, null, null))).contains("neither <minimum> nor <maximum>"));
        assertTrue(parseError(rule(null, null, null, new LimitSpec("maxUlp", "5", "4", null, null))).contains("<minimum> 5 above <maximum> 4"));
        assertTrue(parseError(rule(null, null, null, new LimitSpec("maxUlp", null, "4", null, "1000"))).contains("<size> fits only"));
        assertTrue(parseError(new RuleSpec(List.of(), List.of(), List.of(), List.of())).contains("no <limits>"));
        // The second rule is named when it is the culprit.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleParser.parse(
                List.of(rule(null, null, null, max("maxUlp", "1")), rule(null, null, null, max("nope", "1"))), nd4jExp));
        assertTrue(e.getMessage().startsWith("rule 2: unknown metric 'nope'"));
    }

    @Test
    void aBackendThatOnlyTheResultsKnowIsValid() {
        Results r = results(exp32(List.of(ok("nd4j-cpu", accuracy(0.5, 1.0, 0L, 0), true)), List.of()));
        Results withRecording = new Results(r.schema(), r.opcompareVersion(), true, r.environment(),
                List.of(new io.github.opcompare.engine.result.BackendInfo("numpy-1.13", "recording", "", "cpu", null, null, true, null)),
                r.cases());
        assertEquals(1, RuleParser.parse(List.of(rule(null, null, "numpy-1.13", max("maxUlp", "1"))), withRecording).size());
    }

    private String parseError(RuleSpec spec) {
        return assertThrows(IllegalArgumentException.class, () -> RuleParser.parse(List.of(spec), nd4jExp, SourceDescriptors.catalog())).getMessage();
    }

    @Test
    void inAMergedFileARuleCoversItsBackendOnEveryMachineAndAgreementStaysOnOneMachine() {
        Results merged = results(exp32(List.of(
                        ok("nd4j-cpu@xeon", accuracy(4880.0, 0.8, 1L, 0), true),
                        ok("tensorflow-cpu@xeon", accuracy(1.0, 0.9, 1L, 0), true),
                        ok("nd4j-cpu@epyc", accuracy(2.0, 0.8, 1L, 0), true),
                        ok("tensorflow-cpu@epyc", accuracy(1.0, 0.9, 1L, 0), true)),
                List.of(new Agreement("tensorflow-cpu@xeon", "nd4j-cpu@xeon", 0.5, 9L),
                        new Agreement("tensorflow-cpu@epyc", "nd4j-cpu@epyc", 0.95, 1L))));
        assertEquals(List.of("case exp/float32 backend nd4j-cpu@xeon: maxUlp is 4880.0, but expected maximum is 4",
                        "case exp/float32 backend nd4j-cpu@xeon: agreement with tensorflow-cpu is 0.5, but expected minimum is 0.9"),
                messages(merged, rule(null, null, "nd4j-cpu", max("maxUlp", "4"), new LimitSpec("agreement", "0.9", null, "tensorflow-cpu", null))));
    }

    @Test
    void partialResultsAreANote() {
        Results partial = new Results(Results.SCHEMA, "t", false, null, List.of(), List.of(), List.of("log/float32"));
        assertEquals(List.of("the results are partial: 1 planned case has no results [log/float32]"),
                RuleChecker.check(partial, List.of()).notes());
    }
}
