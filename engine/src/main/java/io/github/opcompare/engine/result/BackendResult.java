package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one backend did on one case.
 *
 * @param status one of {@link Status}'s ids
 * @param message why the backend failed, was skipped or does not support the op (null when ok)
 * @param firstCallNanos the first call of the case: includes one-time costs (kernel loading, JIT) that
 *     the steady-state timings leave out
 * @param timing one entry per size of the sweep, smallest first
 * @param fit the cost model fitted to {@code timing}; null with fewer than two sizes
 * @param timingNotes sizes not timed and why (over the time budget, a failure at that size)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendResult(
        String backend,
        String status,
        String message,
        Accuracy accuracy,
        Reproducibility reproducibility,
        Long firstCallNanos,
        List<SizeTiming> timing,
        CostFit fit,
        Threads threads,
        List<String> timingNotes) {

    public static BackendResult notRun(String backend, Status status, String message) {
        return new BackendResult(backend, status.id(), message, null, null, null, null, null, null, null);
    }

    /** The grade of this result (see {@link Grade#of(BackendResult)}). */
    public Grade grade() {
        return Grade.of(this);
    }

    /** The timing at the largest size measured, the figure a summary shows; null when none. */
    public SizeTiming largestTiming() {
        return timing == null || timing.isEmpty() ? null : timing.get(timing.size() - 1);
    }
}
