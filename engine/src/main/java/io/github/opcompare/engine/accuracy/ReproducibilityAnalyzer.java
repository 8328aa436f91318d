package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.result.Reproducibility;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the results of repeated runs of one case on one backend, bit for bit. Every NaN counts
 * as the same value (libraries differ in NaN payloads, and no one can act on that); +0 and -0 are
 * different results, as they are different bits.
 */
public final class ReproducibilityAnalyzer {
    private ReproducibilityAnalyzer() {
    }

    /**
     * @param runs the results of the repeated runs, all threads (at least one)
     * @param singleThread the result with one thread, or null when there was no such run
     */
    public static Reproducibility analyze(List<Values> runs, Values singleThread) {
        List<Values> all = new ArrayList<>(runs);
        if (singleThread != null) {
            all.add(singleThread);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no runs to compare");
        }
        DType dtype = all.get(0).dtype();
        int n = all.get(0).length();
        for (Values v : all) {
            if (v.length() != n || v.dtype() != dtype) {
                throw new IllegalArgumentException("runs differ in length or dtype");
            }
        }
        List<Values> distinct = new ArrayList<>();
        for (Values v : all) {
            if (distinct.stream().noneMatch(d -> identical(d, v))) {
                distinct.add(v);
            }
        }
        long differing = 0;
        long maxSpread = 0;
        for (int i = 0; i < n; i++) {
            long spread = 0;
            boolean differs = false;
            for (int r = 1; r < all.size(); r++) {
                double a = all.get(0).get(i);
                double b = all.get(r).get(i);
                if (!sameValue(a, b, dtype)) {
                    differs = true;
                }
                // The largest distance over all pairs; a NaN against a number has no distance in
                // steps, so it shows in differingElements only.
                for (int s = 0; s < r; s++) {
                    long d = Steps.between(all.get(s).get(i), b, dtype);
                    spread = Math.max(spread, d == Steps.UNDEFINED ? 0 : d);
                }
            }
            if (differs) {
                differing++;
            }
            maxSpread = Math.max(maxSpread, spread);
        }
        Boolean singleMatches = singleThread == null ? null : identical(runs.get(0), singleThread);
        return new Reproducibility(all.size(), distinct.size() == 1, distinct.size(), maxSpread, differing, singleMatches);
    }

    private static boolean identical(Values a, Values b) {
        for (int i = 0; i < a.length(); i++) {
            if (!sameValue(a.get(i), b.get(i), a.dtype())) {
                return false;
            }
        }
        return true;
    }

    /** Same bits in the dtype, with every NaN the same. */
    static boolean sameValue(double a, double b, DType dtype) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (dtype == DType.FLOAT64) {
            return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
        }
        return dtype.encode(a) == dtype.encode(b);
    }
}
