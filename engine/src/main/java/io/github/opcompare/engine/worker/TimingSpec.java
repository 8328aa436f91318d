package io.github.opcompare.engine.worker;

/**
 * How a worker times an op within a budget.
 *
 * <p>Warm-up runs until the time per call is steady (three consecutive rounds within
 * {@link CallTimer#STEADY_TOLERANCE} of each other), bounded by {@code warmupNanos}, by
 * {@code maxWarmupCalls} and by a share of the budget. Then up to {@code samples} samples of at least
 * {@code minSampleNanos} each are taken, stopping before {@code budgetNanos} would be overrun, but
 * never with fewer than {@code minSamples} samples.
 *
 * @param budgetNanos wall time the whole request may take: warm-up, transfers and samples
 */
public record TimingSpec(
        long warmupNanos,
        int maxWarmupCalls,
        int samples,
        int minSamples,
        long minSampleNanos,
        long budgetNanos) {

    /** Share of the budget that warm-up may use at most. */
    static final double WARMUP_SHARE = 0.25;
    /** Share of the budget for timing the copy of the inputs into the library, and of the result out. */
    static final double TRANSFER_IN_SHARE = 0.1;
    static final double TRANSFER_OUT_SHARE = 0.1;

    /**
     * The defaults for one (case, backend, size) within the given budget: warm-up for at most 2 s
     * (and a quarter of the budget), samples of at least 1 ms, 5 to 30 of them.
     */
    public static TimingSpec withBudget(long budgetNanos) {
        return new TimingSpec(2_000_000_000L, 10_000_000, 30, 5, 1_000_000L, budgetNanos);
    }

    public TimingSpec withMinSamples(int min) {
        return new TimingSpec(warmupNanos, maxWarmupCalls, samples, min, minSampleNanos, budgetNanos);
    }

    /**
     * The same spec with a share of the budget, for timing a copy beside the op: one warm-up copy, a
     * few samples, and one sample at the least, since a copy of 10^7 elements can take longer than
     * its share and needs no JIT to settle.
     */
    TimingSpec forTransfer(double share) {
        return new TimingSpec(warmupNanos, 1, Math.min(samples, 10), 1, minSampleNanos, (long) (budgetNanos * share));
    }

    /** The budget left for the op once the transfers had their shares. */
    TimingSpec forOp() {
        return new TimingSpec(warmupNanos, maxWarmupCalls, samples, minSamples, minSampleNanos,
                (long) (budgetNanos * (1 - TRANSFER_IN_SHARE - TRANSFER_OUT_SHARE)));
    }
}
