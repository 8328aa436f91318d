package io.github.opcompare.engine.timing;

import io.github.opcompare.engine.result.SizeTiming;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Median;

/** Turns one size's raw samples into the figures results.json carries. */
public final class TimingSummary {
    static final double CONFIDENCE = 0.95;

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
        double median = Median.withDefaults().evaluate(values);
        double[] ci = BootstrapInterval.ofMedian(values, CONFIDENCE);
        double seconds = median * 1e-9;
        return new SizeTiming(size, median, Arrays.stream(values).average().orElseThrow(),
                Arrays.stream(values).min().orElseThrow(), ci[0], ci[1], values.length, callsPerSample,
                TukeyFences.classify(values), elementsPerCall / seconds, bytesPerCall / seconds,
                medianOrNull(transferIn), medianOrNull(transferOut), List.copyOf(samples));
    }

    private static Double medianOrNull(List<Double> samples) {
        if (samples == null || samples.isEmpty()) {
            return null;
        }
        return Median.withDefaults().evaluate(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
