package io.github.opcompare.engine.worker;

/**
 * How a worker times an op: warm up until {@code warmupNanos} have passed (at most
 * {@code maxWarmupCalls} calls), then take up to {@code samples} samples of at least
 * {@code minSampleNanos} each, stopping early once {@code budgetNanos} are spent (but never with
 * fewer than {@code minSamples} samples).
 */
public record TimingSpec(
        long warmupNanos,
        int maxWarmupCalls,
        int samples,
        int minSamples,
        long minSampleNanos,
        long budgetNanos) {

    /** A short default that keeps the default suite quick while still giving a stable median. */
    public static TimingSpec quick() {
        return new TimingSpec(200_000_000L, 10_000, 15, 5, 2_000_000L, 1_500_000_000L);
    }

    /** No timing at all: only the correctness call. */
    public static TimingSpec none() {
        return new TimingSpec(0, 0, 0, 0, 0, 0);
    }
}
