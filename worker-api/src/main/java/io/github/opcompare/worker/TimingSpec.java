package io.github.opcompare.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a worker times an op within a budget.
 *
 * <p>Warm-up runs in rounds of at least {@code warmupRoundNanos} until the time per call is steady
 * (three consecutive rounds within {@link CallTimer#STEADY_TOLERANCE} of each other), bounded by
 * {@code warmupNanos}, by {@code maxWarmupCalls} and by a share of the budget. Then up to
 * {@code samples} samples of at least {@code minSampleNanos} each are taken, stopping before
 * {@code budgetNanos} would be overrun, but never with fewer than {@code minSamples} samples.
 *
 * @param minSampleNanos the shortest sample: a call at least this long is timed on its own, shorter
 *     ones in batches that last this long
 * @param warmupRoundNanos the shortest warm-up round, long enough for rounds to average out noise
 * @param budgetNanos wall time the whole request may take: warm-up, transfers and samples
 * @param targetRelativeWidth sampling stops early once the 95% interval of the median is at most
 *     this fraction of the median wide (see {@link MedianInterval}); 0: sample for the whole budget
 */
// rules are written for workers in other languages and never read back: Java workers have them.
@JsonIgnoreProperties(value = "rules", allowGetters = true)
public record TimingSpec(
        long warmupNanos,
        int maxWarmupCalls,
        int samples,
        int minSamples,
        long minSampleNanos,
        long warmupRoundNanos,
        long budgetNanos,
        double targetRelativeWidth) {

    /**
     * The default target of {@link #withBudget}: an interval of ±1% around the median. Criterion.rs
     * calls differences under 2% noise; tighter would buy figures no run-to-run repetition reproduces.
     */
    public static final double DEFAULT_TARGET_RELATIVE_WIDTH = 0.02;

    /** A spec that samples for its whole budget (no early stop). */
    public TimingSpec(long warmupNanos, int maxWarmupCalls, int samples, int minSamples, long minSampleNanos,
            long warmupRoundNanos, long budgetNanos) {
        this(warmupNanos, maxWarmupCalls, samples, minSamples, minSampleNanos, warmupRoundNanos, budgetNanos, 0);
    }

    /** Share of the budget that warm-up may use at most. */
    static final double WARMUP_SHARE = TimingRules.STANDARD.warmupShare();
    /** Share of the budget for timing the copy of the inputs into the library, and of the result out. */
    static final double TRANSFER_IN_SHARE = TimingRules.STANDARD.transferInShare();
    static final double TRANSFER_OUT_SHARE = TimingRules.STANDARD.transferOutShare();

    /**
     * The fixed rules this spec is applied with, sent along in every request so that a worker in
     * another language follows the same ones (see {@link TimingRules}).
     */
    @JsonProperty("rules")
    public TimingRules rules() {
        return TimingRules.STANDARD;
    }

    /**
     * The defaults for one (case, backend, size) within the given budget: warm-up for at most 2 s
     * (and a quarter of the budget) in rounds of at least 1 ms, then samples of at least 20 µs for
     * the rest of the budget (5 at the least, 20,000 at the most). A sample of 20 µs is 500 times
     * System.nanoTime's granularity (about 40 ns on Linux), and calls that long are timed one by
     * one: the median is then the median call, what JMH's sample mode reports, rather than the
     * median of batch means, which drifts towards the mean whenever a few calls are slow (a
     * collection, a library's periodic cleanup). Sampling for the whole budget rather than up to a
     * count spreads the samples over time, so that a passing disturbance (another process, a JIT
     * compilation elsewhere) touches few of them; but once the median's interval is within
     * {@link #DEFAULT_TARGET_RELATIVE_WIDTH} the rest of the budget buys nothing the report shows,
     * and sampling stops (the case ends sooner by the time left).
     */
    public static TimingSpec withBudget(long budgetNanos) {
        return new TimingSpec(2_000_000_000L, 10_000_000, 20_000, 5, 20_000L, 1_000_000L, budgetNanos,
                DEFAULT_TARGET_RELATIVE_WIDTH);
    }

    /**
     * A spec that keeps calling the op for the whole of {@code nanos} and whose samples are of no
     * interest: 1 ms samples, as many as fit, no cap on the warm-up. The budget is raised by the
     * transfers' shares, which {@link #forOp()} takes off again, so that the op itself is called for
     * {@code nanos} (a JIT warm-up of 2 s would otherwise call it for 1.6 s).
     */
    public static TimingSpec callingFor(long nanos) {
        long budget = (long) Math.ceil(nanos / (1 - TRANSFER_IN_SHARE - TRANSFER_OUT_SHARE));
        return new TimingSpec(nanos, Integer.MAX_VALUE, (int) Math.min(Integer.MAX_VALUE, nanos / 1_000_000L + 1), 1,
                1_000_000L, 1_000_000L, budget);
    }

    public TimingSpec withMinSamples(int min) {
        return new TimingSpec(warmupNanos, maxWarmupCalls, samples, min, minSampleNanos, warmupRoundNanos, budgetNanos,
                targetRelativeWidth);
    }

    /** The same spec stopping once the median's interval is at most {@code width} of it wide; 0: never early. */
    public TimingSpec withTargetRelativeWidth(double width) {
        return new TimingSpec(warmupNanos, maxWarmupCalls, samples, minSamples, minSampleNanos, warmupRoundNanos, budgetNanos,
                width);
    }

    /**
     * The same spec with a share of the budget, for timing a copy beside the op: one warm-up copy, a
     * few samples, and one sample at the least, since a copy of 10^7 elements can take longer than
     * its share and needs no JIT to settle.
     */
    TimingSpec forTransfer(double share) {
        return new TimingSpec(warmupNanos, 1, Math.min(samples, rules().transferSamples()), 1, minSampleNanos, warmupRoundNanos,
                (long) (budgetNanos * share), 0);
    }

    /** The budget left for the op once the transfers had their shares. */
    TimingSpec forOp() {
        return new TimingSpec(warmupNanos, maxWarmupCalls, samples, minSamples, minSampleNanos, warmupRoundNanos,
                (long) (budgetNanos * (1 - TRANSFER_IN_SHARE - TRANSFER_OUT_SHARE)), targetRelativeWidth);
    }
}
