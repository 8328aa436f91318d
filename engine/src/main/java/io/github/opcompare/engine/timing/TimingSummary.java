package io.github.opcompare.engine.timing;

import io.github.opcompare.engine.result.SizeTiming;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Median;

/** Turns one size's raw samples into the figures results.json carries. */
public final class TimingSummary {
    static final double CONFIDENCE = 0.95;
    /** Samples a bootstrap resample holds, at most. */
    static final int BOOTSTRAP_SAMPLES = 1000;
    /** Samples kept in results.json (for statistical tests against a baseline), at most. */
    static final int STORED_SAMPLES = 200;

    private TimingSummary() {
    }

    /**
     * @param size elements per operand
     * @param elementsPerCall elements a call produces (for a reduction: the elements it reads), for throughput
     * @param bytesPerCall bytes a call reads and writes, for throughput in bytes per second
     * @param transferIn samples of the copy into the library (may be empty)
     * @param transferOut samples of the copy out of the library (may be empty)
     */
    public static SizeTiming of(long size, List<Double> samples, long callsPerSample, long elementsPerCall, long bytesPerCall,
            List<Double> transferIn, List<Double> transferOut) {
        double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples at size " + size);
        }
        // The bootstrap resamples 2000 times: of 20,000 samples each that would cost a second per size,
        // so resamples hold at most 1000 (m-out-of-n, rescaled to n).
        double[] ci = BootstrapInterval.ofMedian(values.clone(), CONFIDENCE, BOOTSTRAP_SAMPLES);
        // The kept subset before the median below, which reorders the array it is given.
        double[] kept = evenlySpaced(values, STORED_SAMPLES).clone();
        double median = Median.withDefaults().evaluate(values);
        double seconds = median * 1e-9;
        return new SizeTiming(size, median, Arrays.stream(values).average().orElseThrow(),
                Arrays.stream(values).min().orElseThrow(), ci[0], ci[1], values.length, callsPerSample,
                TukeyFences.classify(values), elementsPerCall / seconds, bytesPerCall / seconds,
                medianOrNull(transferIn), medianOrNull(transferOut), Arrays.stream(kept).boxed().toList());
    }

    /**
     * At most {@code max} of the samples, evenly spaced in the order they were taken, so that a
     * drift over the sampling window shows in the subset as it did in the whole.
     */
    static double[] evenlySpaced(double[] values, int max) {
        if (values.length <= max) {
            return values;
        }
        double[] out = new double[max];
        for (int i = 0; i < max; i++) {
            out[i] = values[(int) ((long) i * values.length / max)];
        }
        return out;
    }

    private static Double medianOrNull(List<Double> samples) {
        if (samples == null || samples.isEmpty()) {
            return null;
        }
        return Median.withDefaults().evaluate(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
