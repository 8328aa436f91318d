package io.github.opcompare.engine.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * Times a prepared call: warm-up, then samples each made of enough calls to be long against the
 * clock's resolution. Returns the time per call of each sample; the engine does the statistics.
 */
public final class CallTimer {
    private CallTimer() {
    }

    /** Result of timing: per-call nanoseconds of each sample, and how many calls each sample timed. */
    public record Samples(List<Double> perCallNanos, long callsPerSample) {
    }

    public static Samples time(Runnable call, TimingSpec spec) {
        if (spec == null || spec.samples() <= 0) {
            return new Samples(List.of(), 0);
        }
        long start = System.nanoTime();
        warmUp(call, spec);
        long calls = callsPerSample(call, spec.minSampleNanos());
        List<Double> samples = new ArrayList<>();
        while (samples.size() < spec.samples()) {
            long t0 = System.nanoTime();
            for (long i = 0; i < calls; i++) {
                call.run();
            }
            long elapsed = System.nanoTime() - t0;
            samples.add((double) elapsed / calls);
            boolean overBudget = System.nanoTime() - start > spec.budgetNanos();
            if (overBudget && samples.size() >= Math.max(1, spec.minSamples())) {
                break;
            }
        }
        return new Samples(samples, calls);
    }

    private static void warmUp(Runnable call, TimingSpec spec) {
        long start = System.nanoTime();
        for (int i = 0; i < spec.maxWarmupCalls(); i++) {
            call.run();
            if (System.nanoTime() - start >= spec.warmupNanos()) {
                break;
            }
        }
    }

    /** Doubles the batch until one batch lasts at least minSampleNanos. */
    private static long callsPerSample(Runnable call, long minSampleNanos) {
        long calls = 1;
        while (true) {
            long t0 = System.nanoTime();
            for (long i = 0; i < calls; i++) {
                call.run();
            }
            long elapsed = System.nanoTime() - t0;
            if (elapsed >= minSampleNanos || calls >= (1L << 30)) {
                return calls;
            }
            // Jump close to the target in one step, then let the loop confirm.
            long estimate = elapsed <= 0 ? calls * 2 : (long) Math.ceil((double) calls * minSampleNanos / elapsed);
            calls = Math.max(calls * 2, Math.min(estimate, calls * 64));
        }
    }
}
