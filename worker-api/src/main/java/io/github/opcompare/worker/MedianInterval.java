package io.github.opcompare.worker;

import java.util.Arrays;
import java.util.List;

/**
 * The early stop of sampling: whether the 95% confidence interval of the median of the samples so far
 * is narrow enough. The interval is the distribution-free one of order statistics (the median lies
 * between the j-th and k-th smallest of n samples with j, k = n/2 ∓ 1.96·√n/2, from the binomial
 * distribution of how many samples fall below it), which needs one sort and no resampling, so a
 * worker can afford it while it samples. The engine reports its bootstrap interval of the same median
 * afterwards; the two agree closely for the sample counts where this one stops.
 *
 * <p>It is looked at when the count of samples reaches {@link #FIRST_CHECK} and then each time it
 * doubles: the sorts cost as much as one sort of all the samples, and a stop is never decided on
 * fewer than {@link #FIRST_CHECK} samples, where a few lucky ones could look tight.
 */
public final class MedianInterval {
    /** The fewest samples an early stop may rest on. */
    public static final int FIRST_CHECK = TimingRules.STANDARD.firstIntervalCheck();
    private static final double Z95 = 1.959963984540054;

    private MedianInterval() {
    }

    /** Whether sampling may stop: the count is a checkpoint and the interval is at most {@code target} of the median wide. */
    static boolean tightEnough(List<Double> samples, double target) {
        int n = samples.size();
        if (target <= 0 || n < FIRST_CHECK || Integer.bitCount(n) != 1) {
            return false;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return relativeWidth(sorted) <= target;
    }

    /** The interval's width relative to the median, of samples sorted ascending (at least one). */
    public static double relativeWidth(double[] sorted) {
        int n = sorted.length;
        double half = Z95 * Math.sqrt(n) / 2;
        int low = Math.max(0, (int) Math.floor(n / 2.0 - half) - 1);
        int high = Math.min(n - 1, (int) Math.ceil(n / 2.0 + half));
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return median <= 0 ? Double.POSITIVE_INFINITY : (sorted[high] - sorted[low]) / median;
    }
}
