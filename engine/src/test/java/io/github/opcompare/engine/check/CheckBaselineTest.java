package io.github.opcompare.engine.check;

import static io.github.opcompare.engine.check.CheckFixtures.accuracy;
import static io.github.opcompare.engine.check.CheckFixtures.exp32;
import static io.github.opcompare.engine.check.CheckFixtures.machine;
import static io.github.opcompare.engine.check.CheckFixtures.ok;
import static io.github.opcompare.engine.check.CheckFixtures.results;
import static io.github.opcompare.engine.check.CheckFixtures.timing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckBaselineTest {
    private final BaselineComparer comparer = new BaselineComparer(0.10);

    private static Results run(BackendResult nd4j, double agreement) {
        return results(exp32(List.of(ok("tensorflow-cpu", accuracy(1.0, 0.9, 1L, 0), true), nd4j),
                List.of(new Agreement("tensorflow-cpu", "nd4j-cpu", agreement, 2L))));
    }

    private static BackendResult nd4j(double maxUlp, double correctlyRounded, boolean reproducible) {
        return ok("nd4j-cpu", accuracy(maxUlp, correctlyRounded, (long) Math.ceil(maxUlp), 0), reproducible,
                timing(1000, 100, 101, 102, 103, 104));
    }

    @Test
    void theSameResultsChangeNothing() {
        Results r = run(nd4j(2.0, 0.9, true), 0.8);
        BaselineComparison c = comparer.compare(r, r);
        assertEquals(List.of(), c.regressions());
        assertTrue(c.speedCompared());
        // The one speed comparison, unchanged: identical samples give p = 1.
        assertEquals(1, c.changes().size());
        assertEquals(Verdict.UNCHANGED, c.changes().get(0).verdict());
        assertEquals(1.0, c.changes().get(0).pValue(), 1e-12);
    }

    @Test
    void everyAccuracyMetricThatGotWorseIsARegression() {
        BaselineComparison c = comparer.compare(run(nd4j(2.0, 0.9, true), 0.8), run(nd4j(3.0, 0.85, false), 0.7));
        assertEquals(List.of(
                "case exp/float32 backend nd4j-cpu: maxUlp is 3.0, but the baseline has 2.0",
                "case exp/float32 backend nd4j-cpu: meanUlp is 0.75, but the baseline has 0.5",
                "case exp/float32 backend nd4j-cpu: correctlyRounded is 0.85, but the baseline has 0.9",
                "case exp/float32 backend nd4j-cpu: maxSteps is 3, but the baseline has 2",
                "case exp/float32 backend nd4j-cpu: reproducible is false, but the baseline has true",
                "case exp/float32 backend tensorflow-cpu: agreement with nd4j-cpu is 0.7, but the baseline has 0.8"),
                c.regressions().stream().map(Violation::message).toList());
        // Five accuracy metrics changed, and the one timing compared (unchanged: the same samples).
        assertEquals(6, c.changesOf("exp/float32", "nd4j-cpu").size());
        assertEquals(List.of("agreement with nd4j-cpu"),
                c.changesOf("exp/float32", "tensorflow-cpu").stream().map(Change::subject).toList());
        Change maxUlp = c.changes().get(0);
        assertEquals(Verdict.WORSE, maxUlp.verdict());
        assertEquals(0.5, maxUlp.relativeChange(), 1e-12);
    }

    @Test
    void specialInputsThatNowFailAreARegressionFromTheBaselinesCount() {
        Results before = withSpecials(io.github.opcompare.engine.result.SpecialsOutcome.ok());
        Results after = withSpecials(io.github.opcompare.engine.result.SpecialsOutcome.failed("worker ended unexpectedly (exit code 42)"));
        List<Violation> regressions = comparer.compare(before, after).regressions();
        assertEquals(List.of("case exp/float32 backend nd4j-cpu: the special inputs failed (worker ended unexpectedly (exit code 42)),"
                + " so specialMismatches cannot be checked"), regressions.stream().map(Violation::message).toList());
        assertEquals("the baseline has 0", regressions.get(0).expectation());
        // Failed in the baseline and fine now: nothing to compare with, nothing to fail.
        assertEquals(List.of(), comparer.compare(after, before).regressions());
    }

    /** exp/float32 whose one special input, NaN, nd4j-cpu answered or failed on (exp(NaN) = NaN). */
    private static Results withSpecials(io.github.opcompare.engine.result.SpecialsOutcome nd4j) {
        CaseResult c = exp32(List.of(nd4j(2.0, 0.9, true)), List.of());
        java.util.Map<String, String> actual = nd4j.isFailed() ? java.util.Map.of() : java.util.Map.of("nd4j-cpu", "NaN");
        var rows = List.of(io.github.opcompare.engine.result.SpecialValue.elementwise(List.of("NaN"), "NaN", actual, List.of()));
        return results(new CaseResult(c.id(), c.op(), c.dtype(), c.inputs(), c.size(), c.seed(), c.results(), c.agreement(), null, null,
                null, null, new io.github.opcompare.engine.result.Specials(io.github.opcompare.engine.result.SpecialsOutcome.ok(),
                        java.util.Map.of("nd4j-cpu", nd4j), rows)));
    }

    @Test
    void betterIsReportedButPasses() {
        BaselineComparison c = comparer.compare(run(nd4j(3.0, 0.85, true), 0.8), run(nd4j(2.0, 0.9, true), 0.8));
        assertEquals(List.of(), c.regressions());
        assertTrue(c.changes().stream().anyMatch(ch -> ch.subject().equals("maxUlp") && ch.verdict() == Verdict.BETTER));
    }

    @Test
    void aSlowerRunIsARegressionOnlyOnTheSameKindOfMachine() {
        BackendResult slow = ok("nd4j-cpu", accuracy(2.0, 0.9, 2L, 0), true, timing(1000, 120, 121, 122, 123, 124));
        Results before = run(nd4j(2.0, 0.9, true), 0.8);
        Results after = run(slow, 0.8);
        List<Violation> regressions = comparer.compare(before, after).regressions();
        assertEquals(1, regressions.size());
        // medians 102 -> 122: 19.6% slower; exact p = 2/252 = 0.0079.
        assertEquals("case exp/float32 backend nd4j-cpu: medianNanos at size 1000 is 122.0, but the baseline has 102.0"
                + " (19.6% slower, Mann-Whitney p = 0.0079; more than 10% slower with p < 0.01 fails)", regressions.get(0).message());

        Results elsewhere = new Results(after.schema(), after.opcompareVersion(), true, machine("Other CPU"), after.backends(), after.cases());
        BaselineComparison c = comparer.compare(before, elsewhere);
        assertEquals(List.of(), c.regressions());
        assertFalse(c.speedCompared());
        assertTrue(c.notes().get(0).startsWith("speed not compared: the baseline was recorded on Test CPU with 4 cores"), c.notes().get(0));
    }

    @Test
    void changedInputsNewAndGoneCasesAreNotesNotRegressions() {
        Results before = run(nd4j(2.0, 0.9, true), 0.8);
        CaseResult moved = new CaseResult("exp", "exp", "float32", List.of("binades(1e-3,80)"), 1000, 42,
                List.of(nd4j(90.0, 0.1, true)), List.of(), null, null, null);
        CaseResult added = CheckFixtures.caseOf("log", "log", "float32", List.of(nd4j(1.0, 1.0, true)));
        BaselineComparison c = comparer.compare(before, results(moved, added));
        assertEquals(List.of(), c.regressions());
        assertEquals(List.of(
                "case exp/float32 not compared: its inputs changed since the baseline (record a new one with opcompare:baseline)",
                "case log/float32 is not in the baseline"), c.notes());
        assertEquals(List.of("case exp/float32 is in the baseline but was not run"),
                comparer.compare(before, results()).notes());
    }

    @Test
    void aBackendThatNowFailsIsARegressionOneThatIsSkippedIsNot() {
        Results before = run(nd4j(2.0, 0.9, true), 0.8);
        Results failed = run(BackendResult.notRun("nd4j-cpu", Status.FAILED, "crash"), 0.8);
        assertEquals(List.of("case exp/float32 backend nd4j-cpu: status is failed, but the baseline has ok"),
                comparer.compare(before, failed).regressions().stream().map(Violation::message).toList());
        Results skipped = run(BackendResult.notRun("nd4j-cpu", Status.SKIPPED, "no library"), 0.8);
        assertEquals(List.of(), comparer.compare(before, skipped).regressions());
    }

    @Test
    void undefinedWhereTheBaselineHadANumberIsWorse() {
        Results before = run(nd4j(2.0, 0.9, true), 0.8);
        BackendResult nan = ok("nd4j-cpu", accuracy(null, 0.9, null, 1), true);
        List<String> subjects = comparer.compare(before, run(nan, 0.8)).regressions().stream().map(Violation::subject).toList();
        assertEquals(List.of("maxUlp", "meanUlp", "maxSteps", "specialMismatches"), subjects);
    }
}
