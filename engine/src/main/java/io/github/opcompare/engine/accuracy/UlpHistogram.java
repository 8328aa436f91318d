package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.result.UlpBin;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts ulp errors in the fixed bins of {@link UlpBin}: 0, (0, 0.5], (0.5, 1], (1, 2], (2, 4], …
 * Fixed powers of two rather than bins fitted to the data, so that two backends' histograms, or this
 * run's and last year's, can be laid over each other; (0, 0.5] is exactly "correctly rounded but not
 * exact", and each further bin is one more bit lost.
 */
public final class UlpHistogram {
    private final long[] counts = new long[bin(Double.MAX_VALUE) + 1];

    /** The histogram of {@code ulp}: see {@link #bins()}. */
    public static List<UlpBin> of(double[] ulp) {
        UlpHistogram histogram = new UlpHistogram();
        for (double u : ulp) {
            histogram.add(u);
        }
        return histogram.bins();
    }

    /** Counts one ulp error; NaN (an undefined error) goes in no bin. */
    public void add(double u) {
        add(u, 1);
    }

    /** Counts the error u {@code times} times. */
    public void add(double u, long times) {
        if (!Double.isNaN(u)) {
            counts[bin(u)] += times;
        }
    }

    /** Adds the counts of another histogram (of other results). */
    public void merge(UlpHistogram other) {
        for (int b = 0; b < counts.length; b++) {
            counts[b] += other.counts[b];
        }
    }

    /** The bins up to and including the highest that holds an error; bins below it are listed even when empty. */
    public List<UlpBin> bins() {
        int highest = -1;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                highest = b;
            }
        }
        List<UlpBin> bins = new ArrayList<>(highest + 1);
        for (int b = 0; b <= highest; b++) {
            bins.add(new UlpBin(lo(b), hi(b), counts[b]));
        }
        return bins;
    }

    /** The bin of a non-negative finite ulp error. */
    static int bin(double u) {
        if (u == 0) {
            return 0;
        }
        if (u <= 0.5) {
            return 1;
        }
        // u in (2^(k-1), 2^k] has k = ceil(log2 u): the exponent, one more unless u is a power of two.
        int e = Math.getExponent(u);
        int k = u == PowersOfTwo.scalb(1.0, e) ? e : e + 1;
        return k + 2;
    }

    static double lo(int bin) {
        return bin <= 1 ? 0 : Math.scalb(1.0, bin - 3);
    }

    static double hi(int bin) {
        if (bin == 0) {
            return 0;
        }
        // The top bin's bound 2^1024 is no double; the largest finite value closes it.
        return Math.min(Double.MAX_VALUE, Math.scalb(1.0, bin - 2));
    }
}
