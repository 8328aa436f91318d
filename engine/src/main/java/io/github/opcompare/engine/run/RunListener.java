package io.github.opcompare.engine.run;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.CaseResult;
import java.time.Duration;

/** Progress of a run, for the console. */
public interface RunListener {
    default void backendStarted(BackendInfo backend) {
    }

    /**
     * A case's accuracy, reproducibility and special values are known; its timing, if any, follows.
     * {@code result} holds no timing; {@code elapsed} is the case's time so far. Once per case, before
     * {@link #caseFinished}.
     */
    default void caseJudged(int index, int total, PlannedCase planned, CaseResult result, Duration elapsed) {
    }

    /** A case is done, its timing included; {@code elapsed} is its whole time. */
    default void caseFinished(int index, int total, PlannedCase planned, CaseResult result, Duration elapsed) {
    }

    /** The case's exact reference came from the reference cache instead of being computed; before {@link #caseJudged}. */
    default void referenceCached(PlannedCase planned) {
    }

    /** Progress within one long case (an exhaustive sweep): {@code done} of {@code total} inputs so far. */
    default void progress(PlannedCase planned, long done, long total, Duration elapsed) {
    }

    /** Something worth a warning that does not stop the run (a backend that could not start). */
    default void warning(String message) {
    }
}
