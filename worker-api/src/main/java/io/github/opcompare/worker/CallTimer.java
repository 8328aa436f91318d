package io.github.opcompare.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times a call the way a benchmark harness does: warm-up until steady, then samples each made of
 * enough calls to be long against the clock's resolution. Returns the time per call of each sample;
 * the engine does the statistics.
 *
 * <p>Nothing here can be elided by the JIT: every backend's call leaves its result in the library's
 * own tensor (or, for the JDK, in an array the prepared call keeps), where the next call or
 * {@code writeResult} reads it.
 */
public final class CallTimer {
    /** Rounds of warm-up whose time per call differs by at most this fraction count as steady. */
    static final double STEADY_TOLERANCE = TimingRules.STANDARD.steadyTolerance();
    private static final int STEADY_ROUNDS = TimingRules.STANDARD.steadyRounds();
    private static final long MAX_BATCH = TimingRules.STANDARD.maxBatch();
    private static final int MAX_GROWTH = TimingRules.STANDARD.maxGrowth();

    private final LongSupplier clock;

    public CallTimer(LongSupplier clock) {
        this.clock = clock;
    }

    public static CallTimer system() {
        return new CallTimer(System::nanoTime);
    }

    /**
     * Result of timing.
     *
     * @param perCallNanos time per call of each sample
     * @param callsPerSample calls timed together in each sample
     * @param warmupCalls calls made before the first sample
     * @param steady whether warm-up saw the time per call settle before its bounds stopped it
     * @param elapsedNanos wall time of warm-up and samples together
     */
    public record Samples(List<Double> perCallNanos, long callsPerSample, long warmupCalls, boolean steady, long elapsedNanos) {
        static Samples none() {
            return new Samples(List.of(), 0, 0, false, 0);
        }
    }

    public Samples time(Runnable call, TimingSpec spec) {
        if (spec == null || spec.samples() <= 0 || spec.budgetNanos() <= 0) {
            return Samples.none();
        }
        long start = clock.getAsLong();
        Warmup warmup = warmUp(call, spec, start);
        long calls = warmup.callsPerSample;
        List<Double> samples = new ArrayList<>();
        while (samples.size() < spec.samples()) {
            long t0 = clock.getAsLong();
            for (long i = 0; i < calls; i++) {
                call.run();
            }
            long t1 = clock.getAsLong();
            samples.add((double) (t1 - t0) / calls);
            // Stop before the next sample would overrun the budget, not after.
            boolean nextOverruns = t1 - start + (t1 - t0) > spec.budgetNanos();
            if (nextOverruns && samples.size() >= Math.max(1, spec.minSamples())) {
                break;
            }
            if (MedianInterval.tightEnough(samples, spec.targetRelativeWidth()) && samples.size() >= spec.minSamples()) {
                break;
            }
        }
        return new Samples(samples, calls, warmup.calls, warmup.steady, clock.getAsLong() - start);
    }

    private record Warmup(long callsPerSample, long calls, boolean steady) {
    }

    /**
     * Warm-up and calibration in one: rounds grow until one lasts {@code warmupRoundNanos}; from then
     * on each round is twice as long as the one before, until the last three agree (or a bound is
     * hit). Doubling rounds matter: the last three span most of the warm-up so far, so they only
     * agree once the time per call has stopped drifting at the scale of the whole warm-up. Libraries
     * whose Java glue is compiled by the JIT over seconds (TensorFlow Java's eager calls get several
     * times faster over the first second) would otherwise look steady after three short rounds.
     */
    private Warmup warmUp(Runnable call, TimingSpec spec, long start) {
        long limit = Math.min(spec.warmupNanos(), (long) (spec.budgetNanos() * TimingSpec.WARMUP_SHARE));
        long calls = 1;
        boolean calibrated = false;
        long total = 0;
        List<Double> fullRounds = new ArrayList<>();
        while (true) {
            long t0 = clock.getAsLong();
            for (long i = 0; i < calls; i++) {
                call.run();
            }
            long t1 = clock.getAsLong();
            long elapsed = t1 - t0;
            total += calls;
            calibrated = calibrated || elapsed >= roundNanos(spec) || calls >= MAX_BATCH;
            if (calibrated) {
                fullRounds.add((double) elapsed / calls);
                if (steady(fullRounds)) {
                    return new Warmup(sampleCalls(elapsed, calls, spec), total, true);
                }
            }
            long next = calibrated ? Math.min(MAX_BATCH, calls * 2) : grow(calls, elapsed, roundNanos(spec));
            // Stop before a round that would end past the limit, not after it.
            double nextRound = (double) elapsed / calls * next;
            if (t1 - start + nextRound > limit || total >= spec.maxWarmupCalls()) {
                return new Warmup(sampleCalls(elapsed, calls, spec), total, false);
            }
            calls = next;
        }
    }

    /** A warm-up round lasts at least as long as a sample. */
    private static long roundNanos(TimingSpec spec) {
        return Math.max(spec.warmupRoundNanos(), spec.minSampleNanos());
    }

    /** Calls per sample from the last round's time per call: the fewest that last {@code minSampleNanos}. */
    private static long sampleCalls(long elapsed, long calls, TimingSpec spec) {
        double perCall = Math.max(1.0, (double) elapsed / calls);
        return Math.max(1, Math.min(MAX_BATCH, (long) Math.ceil(spec.minSampleNanos() / perCall)));
    }

    private static boolean steady(List<Double> rounds) {
        if (rounds.size() < STEADY_ROUNDS) {
            return false;
        }
        List<Double> last = rounds.subList(rounds.size() - STEADY_ROUNDS, rounds.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max <= min * (1 + STEADY_TOLERANCE);
    }

    /** Jumps close to the batch that lasts {@code target}, at most 64 times larger, at least twice. */
    private static long grow(long calls, long elapsed, long target) {
        long estimate = elapsed <= 0 ? calls * 2 : (long) Math.ceil((double) calls * target / elapsed);
        return Math.min(MAX_BATCH, Math.max(calls * 2, Math.min(estimate, calls * MAX_GROWTH)));
    }
}
