package io.github.opcompare.engine.timing;

import java.util.function.LongSupplier;

/**
 * Shares one case's time budget among its timing requests (backend × size): every request gets the
 * same share, the budget divided by the number of requests, and never more than what is left. The
 * budget is a ceiling, not a target: a request that needs less than its share (its median is known to
 * the target width early, or the size is skipped) ends the case sooner instead of lending its time to
 * the requests after it, so a case whose rows settle quickly costs the build less; and a request that
 * overruns its share takes time only from the end of the case, never shrinking the shares of the
 * sizes in between (which would drop the largest sizes first).
 */
public final class TimingBudget {
    private final LongSupplier clock;
    private final long start;
    private final long totalNanos;
    private final long shareNanos;

    public TimingBudget(long totalNanos, int slices, LongSupplier clock) {
        this.clock = clock;
        this.start = clock.getAsLong();
        this.totalNanos = totalNanos;
        this.shareNanos = totalNanos / Math.max(1, slices);
    }

    /** The share of the next request: an equal part of the budget, at most what is left. */
    public long nextShare() {
        return Math.max(0, Math.min(shareNanos, remainingNanos()));
    }

    public long remainingNanos() {
        return totalNanos - elapsedNanos();
    }

    public long elapsedNanos() {
        return clock.getAsLong() - start;
    }

    public long totalNanos() {
        return totalNanos;
    }
}
