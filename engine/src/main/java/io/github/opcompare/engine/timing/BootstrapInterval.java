package io.github.opcompare.engine.timing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Percentile bootstrap confidence interval of the median, as Criterion.rs reports it: resample the
 * samples with replacement many times, take each resample's median, and read the interval off the
 * distribution of those medians. It assumes nothing about the shape of timing noise, which is
 * skewed and often bimodal. The random stream is seeded, so the same samples give the same interval.
 */
public final class BootstrapInterval {
    static final int RESAMPLES = 2000;
    private static final long SEED = 0x6f70636f6d70L;

    private BootstrapInterval() {
    }

    /** The interval {@code [low, high]} that holds the median with the given confidence (0.95 for 95%). */
    public static double[] ofMedian(double[] samples, double confidence) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (samples.length == 1) {
            return new double[] {samples[0], samples[0]};
        }
        SplittableRandom random = new SplittableRandom(SEED);
        Median median = Median.withDefaults();
        double[] medians = new double[RESAMPLES];
        double[] resample = new double[samples.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < resample.length; i++) {
                resample[i] = samples[random.nextInt(samples.length)];
            }
            medians[r] = median.evaluate(resample);
        }
        double tail = (1 - confidence) / 2;
        double[] bounds = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).evaluate(medians, tail, 1 - tail);
        Arrays.sort(bounds);
        return bounds;
    }
}
