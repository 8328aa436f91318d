package io.github.opcompare.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grade thresholds at their edges, and how results combine into a case's or a run's grade. */
class GradeTest {

    private static Accuracy accuracy(Double maxUlp, double correctlyRounded, long notCorrectlyRounded, long undefinedUlp) {
        return new Accuracy(maxUlp, maxUlp, correctlyRounded, notCorrectlyRounded, maxUlp == null ? null : 1L, undefinedUlp, List.of());
    }

    private static BackendResult ok(String backend, Accuracy a) {
        return new BackendResult(backend, Status.OK.id(), null, a, null, null, null, null, null, null);
    }

    @Test
    void exactNeedsEveryOutputCorrectlyRounded() {
        assertEquals(Grade.EXACT, accuracy(0.5, 1.0, 0, 0).grade());
        // Within 0.5 ulp but one output on the wrong side of a tie (or a share rounded up to 1): not exact.
        assertEquals(Grade.CLOSE, accuracy(0.5, 1.0, 1, 0).grade());
        assertEquals(Grade.CLOSE, accuracy(0.5, 0.999, 0, 0).grade());
    }

    @Test
    void closeUpToFourUlpInclusiveFarJustBeyond() {
        assertEquals(4.0, Grade.CLOSE_ULP);
        assertEquals(Grade.CLOSE, accuracy(0.51, 0.9, 10, 0).grade());
        assertEquals(Grade.CLOSE, accuracy(4.0, 0.9, 10, 0).grade());
        // 4 + 2^-50, the next double after 4.
        assertEquals(Grade.FAR, accuracy(Math.nextUp(4.0), 0.9, 10, 0).grade());
        assertEquals(Grade.FAR, accuracy(4880.0, 0.8, 10, 0).grade());
    }

    @Test
    void anUndefinedUlpErrorIsFarWhateverElseIsTrue() {
        // NaN where a number was expected: maxUlp is null and the count says how many.
        assertEquals(Grade.FAR, accuracy(null, 0.0, 10, 10).grade());
        // A file that carries a maxUlp next to undefined results (hand-edited, older writers): still far.
        assertEquals(Grade.FAR, accuracy(0.5, 1.0, 0, 1).grade());
    }

    @Test
    void aResultIsGradedByItsStatusBeforeItsAccuracy() {
        assertEquals(Grade.CLOSE, ok("tf-cpu", accuracy(1.5, 0.9, 10, 0)).grade());
        assertEquals(Grade.FAILED, BackendResult.notRun("nd4j-cpu", Status.FAILED, "worker crashed").grade());
        assertEquals(Grade.NONE, BackendResult.notRun("nd4j-gpu", Status.SKIPPED, "no CUDA device").grade());
        assertEquals(Grade.NONE, BackendResult.notRun("jdk", Status.UNSUPPORTED, "no float16 exp").grade());
        assertEquals(Grade.NONE, ok("timed-only", null).grade());
        assertEquals(Grade.NONE, Grade.of((BackendResult) null));
        // A status this version does not know is not something to call ok.
        assertEquals(Grade.FAILED, new BackendResult("x", "exploded", null, accuracy(0.5, 1.0, 0, 0), null, null, null, null, null, null).grade());
    }

    @Test
    void twoBackendsAgreeExactlyCloselyOrFar() {
        assertEquals(Grade.EXACT, new Agreement("a", "b", 1.0, 0L).grade());
        assertEquals(Grade.CLOSE, new Agreement("a", "b", 0.5, 4L).grade());
        assertEquals(Grade.FAR, new Agreement("a", "b", 0.5, 5L).grade());
        // NaN against a number: no distance in steps.
        assertEquals(Grade.FAR, new Agreement("a", "b", 0.99, null).grade());
    }

    @Test
    void aCaseTakesItsWorstResultAndAFailureOutweighsAllButFar() {
        BackendResult exact = ok("jdk", accuracy(0.5, 1.0, 0, 0));
        BackendResult close = ok("tf-cpu", accuracy(1.5, 0.9, 10, 0));
        BackendResult far = ok("nd4j-cpu", accuracy(null, 0.9, 10, 3));
        BackendResult failed = BackendResult.notRun("numpy", Status.FAILED, "worker crashed");
        BackendResult skipped = BackendResult.notRun("nd4j-gpu", Status.SKIPPED, "no CUDA device");

        assertEquals(Grade.NONE, Grade.worstOf(List.of()));
        assertEquals(Grade.NONE, Grade.worstOf(List.of(skipped)));
        assertEquals(Grade.EXACT, Grade.worstOf(List.of(exact, skipped)));
        assertEquals(Grade.CLOSE, Grade.worstOf(List.of(exact, close)));
        assertEquals(Grade.FAILED, Grade.worstOf(List.of(skipped, failed)));
        assertEquals(Grade.FAILED, Grade.worstOf(List.of(exact, close, failed)));
        assertEquals(Grade.FAR, Grade.worstOf(List.of(failed, far, close)));
        CaseResult c = new CaseResult("exp", "exp", "float32", List.of("uniform(0, 1)"), 10, 1,
                List.of(exact, failed, skipped), List.of(), null, null, null);
        assertEquals(Grade.FAILED, c.grade());
    }

    @Test
    void theIdsAreTheReportsCssClassWords() {
        assertEquals(List.of("none", "exact", "close", "failed", "far"), List.of(Grade.values()).stream().map(Grade::id).toList());
    }
}
