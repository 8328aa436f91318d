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

    /**
     * The interval for the median of many samples at a bounded cost: the m-out-of-n bootstrap. Each
     * resample draws only {@code m} of the {@code n} samples, so its median scatters around the full
     * median by about √(n/m) times as much as a median of n would; the deviations are scaled back by
     * √(m/n) and laid around the full median. With n ≤ m it is the plain bootstrap. The interval is
     * widened, if need be, to hold the median it belongs to (a resampled median of discrete timings can
     * sit on one side of it).
     */
    public static double[] ofMedian(double[] samples, double confidence, int m) {
        if (samples.length <= m) {
            return ofMedian(samples, confidence);
        }
        double median = Median.withDefaults().evaluate(samples.clone());
        SplittableRandom random = new SplittableRandom(SEED);
        Median resampleMedian = Median.withDefaults();
        double scale = Math.sqrt((double) m / samples.length);
        double[] deviations = new double[RESAMPLES];
        double[] resample = new double[m];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < m; i++) {
                resample[i] = samples[random.nextInt(samples.length)];
            }
            deviations[r] = (resampleMedian.evaluate(resample) - median) * scale;
        }
        double tail = (1 - confidence) / 2;
        double[] q = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).evaluate(deviations, tail, 1 - tail);
        Arrays.sort(q);
        return new double[] {Math.min(median, median + q[0]), Math.max(median, median + q[1])};
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
