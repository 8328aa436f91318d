package io.github.opcompare.engine.timing;

import java.util.function.LongSupplier;

/**
 * Shares one case's time budget among its timing requests (backend × size). Each round of requests
 * (every backend at one size) gets equal shares of what is left when the round starts, so time a
 * request did not use (it finished early, or was skipped) flows to the rounds after it, which are the
 * larger sizes, where it is needed most; and the backends of one round are treated alike.
 */
public final class TimingBudget {
    private final LongSupplier clock;
    private final long start;
    private final long totalNanos;
    private int slicesLeft;

    public TimingBudget(long totalNanos, int slices, LongSupplier clock) {
        this.clock = clock;
        this.start = clock.getAsLong();
        this.totalNanos = totalNanos;
        this.slicesLeft = slices;
    }

    /** The share of each of the next {@code requests} requests: what is left divided among all requests still to come. */
    public long nextShares(int requests) {
        long left = remainingNanos();
        int slices = Math.max(requests, slicesLeft);
        slicesLeft = Math.max(0, slicesLeft - requests);
        return Math.max(0, left / Math.max(1, slices));
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
