package io.github.opcompare.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.accuracy.AccuracyAccumulator;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The labels and ulp answers the views read from the result model. */
class ResultModelAnswersTest {

    private static CaseResult caseOf(String id, String dtype) {
        return new CaseResult(id, "exp", dtype, List.of("uniform(0, 1)"), 10, 1, List.of(), List.of(), null, null, null);
    }

    @Test
    void aCaseIsLabelledByItsIdAndDtypeAsWritten() {
        assertEquals("exp/float32", caseOf("exp", "float32").label());
        // Ids are the user's: an '@', dots or a slash stay as they are, nothing is escaped or shortened.
        assertEquals("tensorflow-cpu@1.0.0/float64", caseOf("tensorflow-cpu@1.0.0", "float64").label());
        assertEquals("exp.small/bfloat16", caseOf("exp.small", "bfloat16").label());
        assertEquals("a/b/float16", caseOf("a/b", "float16").label());
    }

    @Test
    void aPlannedCaseHasTheLabelItsResultWillHave() {
        // Results.missing lists planned labels next to the labels of finished cases: they must read alike.
        PlannedCase planned = new PlannedCase("tensorflow-cpu@1.0.0", Op.of("exp"), DType.FLOAT32, List.of(), 10, 1);
        assertEquals(caseOf("tensorflow-cpu@1.0.0", "float32").label(), planned.label());
    }

    @Test
    void theUlpErrorIsDefinedOnlyWhenEveryResultHasOne() {
        Accuracy defined = new Accuracy(1.5, 0.3, 0.9, 10, 2L, 0, List.of());
        assertTrue(defined.ulpErrorDefined());
        assertEquals(1.5, defined.maxUlpOrInfinity());

        Accuracy nan = new Accuracy(null, 0.3, 0.9, 10, null, 3, List.of());
        assertFalse(nan.ulpErrorDefined());
        assertEquals(Double.POSITIVE_INFINITY, nan.maxUlpOrInfinity());

        // A maxUlp next to a count of undefined results (a hand-edited or older file) is not trusted.
        Accuracy inconsistent = new Accuracy(0.5, 0.25, 1.0, 0, 0L, 1, List.of());
        assertFalse(inconsistent.ulpErrorDefined());
        assertEquals(Double.POSITIVE_INFINITY, inconsistent.maxUlpOrInfinity());
    }

    @Test
    void nanOnlyResultsHaveNoUlpErrorAndNanForNanIsExact() {
        // exp(1) rounds to 2.7182817f; a backend that answers NaN everywhere has no ulp error at all.
        AccuracyAccumulator nanEverywhere = new AccuracyAccumulator(DType.FLOAT32, 0);
        double e = (double) (float) Math.E;
        for (int i = 0; i < 3; i++) {
            nanEverywhere.add(i, 1.0, Math.E, 0, 0, e, Double.NaN);
        }
        Accuracy a = nanEverywhere.toAccuracy(i -> List.of("1.0"), i -> null, false);
        assertEquals(3, a.undefinedUlp());
        assertNull(a.maxUlp());
        assertFalse(a.ulpErrorDefined());
        assertEquals(Grade.FAR, a.grade());

        // sqrt(-1): the prescribed NaN answered with NaN is correctly rounded, error 0.
        AccuracyAccumulator nanForNan = new AccuracyAccumulator(DType.FLOAT32, 0);
        nanForNan.add(0, -1.0, Double.NaN, 0, 0, Double.NaN, Double.NaN);
        Accuracy b = nanForNan.toAccuracy(i -> List.of("-1.0"), i -> null, false);
        assertTrue(b.ulpErrorDefined());
        assertEquals(0.0, b.maxUlp());
        assertEquals(Grade.EXACT, b.grade());
    }

    @Test
    void failedAndUnsupportedResultsHaveNoAccuracyToAsk() {
        BackendResult failed = BackendResult.notRun("nd4j-cpu", Status.FAILED, "worker crashed");
        BackendResult unsupported = BackendResult.notRun("jdk", Status.UNSUPPORTED, "no float16 exp");
        assertNull(failed.accuracy());
        assertNull(unsupported.accuracy());
        assertEquals(Grade.FAILED, failed.grade());
        assertEquals(Grade.NONE, unsupported.grade());
    }

    @Test
    void theAnswersAreDerivedNotWrittenToResultsJson() throws Exception {
        BackendResult r = new BackendResult("jdk", "ok", null, new Accuracy(0.5, 0.25, 1.0, 0, 0L, 0, List.of()),
                null, null, null, null, null, null);
        CaseResult c = new CaseResult("exp", "exp", "float32", List.of("uniform(0, 1)"), 10, 1, List.of(r),
                List.of(new Agreement("jdk", "jdk2", 1.0, 0L)), null, null, null);
        String json = ResultsJson.toJson(new Results(Results.SCHEMA, "0.1.0", true, null, List.of(), List.of(c)));
        for (String derived : List.of("label", "grade", "ulpErrorDefined", "maxUlpOrInfinity")) {
            assertFalse(json.contains("\"" + derived + "\""), derived + " in " + json);
        }
    }
}
