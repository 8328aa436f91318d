package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.result.BinadeError;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ulp error as a function of the input, binned by the binary exponent of the first operand:
 * libraries switch algorithms at binade boundaries (a polynomial near 0, a reduction for large
 * arguments), so that is where errors change, and binades spread evenly over a log axis.
 */
public final class BinadeProfile {
    /** Exponent of the smallest subnormal's binade: bin 0. */
    private final int minExponent;
    // Per-binade counts in arrays indexed by exponent, the last entry for ±0, ±Infinity and NaN: a
    // map lookup per result would dominate the cost of an exhaustive sweep.
    private final long[] count;
    private final long[] defined;
    private final long[] undefined;
    private final double[] max;
    private final double[] sum;
    /** The sums of merged profiles, added exactly (see AccuracyAccumulator); allocated at the first merge. */
    private BigDecimal[] mergedSum;

    /** An empty profile for inputs of the dtype. */
    public BinadeProfile(DType dtype) {
        minExponent = dtype.minExponent() - dtype.precision() + 1;
        int bins = dtype.maxExponent() - minExponent + 2;
        count = new long[bins];
        defined = new long[bins];
        undefined = new long[bins];
        max = new double[bins];
        sum = new double[bins];
    }

    /**
     * The profile of a whole array: see {@link #toResults()}.
     *
     * @param x the first operand, one element per output
     * @param ulp the ulp error of each output, NaN where undefined
     */
    public static List<BinadeError> of(Values x, double[] ulp) {
        if (x.length() != ulp.length) {
            throw new IllegalArgumentException(x.length() + " inputs for " + ulp.length + " errors");
        }
        BinadeProfile profile = new BinadeProfile(x.dtype());
        for (int i = 0; i < ulp.length; i++) {
            profile.add(x.get(i), ulp[i]);
        }
        return profile.toResults();
    }

    /** Counts the error u (NaN where undefined) of the result for input x, a value of the dtype. */
    public void add(double x, double u) {
        add(x, u, 1);
    }

    /** Counts {@code times} results of error u for inputs in the binade of x, as that many calls of {@link #add(double, double)}. */
    public void add(double x, double u, int times) {
        int b = x == 0 || !Double.isFinite(x) ? count.length - 1 : exponent(x) - minExponent;
        count[b] += times;
        if (Double.isNaN(u)) {
            undefined[b] += times;
        } else {
            defined[b] += times;
            sum[b] = RepeatedSum.of(sum[b], u, times);
            max[b] = Math.max(max[b], u);
        }
    }

    /** Adds another profile (of other inputs of the same dtype). */
    public void merge(BinadeProfile o) {
        for (int b = 0; b < count.length; b++) {
            count[b] += o.count[b];
            defined[b] += o.defined[b];
            undefined[b] += o.undefined[b];
            if (o.count[b] > 0) {
                if (mergedSum == null) {
                    mergedSum = new BigDecimal[count.length];
                }
                BigDecimal kept = mergedSum[b] == null ? BigDecimal.ZERO : mergedSum[b];
                mergedSum[b] = kept.add(o.exactSum(b));
            }
            max[b] = Math.max(max[b], o.max[b]);
        }
    }

    /**
     * One entry per binade that holds an input, smallest exponent first, then one for the inputs in no
     * binade (±0, ±Infinity, NaN) when there are any.
     */
    public List<BinadeError> toResults() {
        List<BinadeError> out = new ArrayList<>();
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                Integer exponent = b == count.length - 1 ? null : b + minExponent;
                out.add(new BinadeError(exponent, count[b], defined[b] == 0 ? null : max[b],
                        defined[b] == 0 ? null : exactSum(b).doubleValue() / defined[b], undefined[b]));
            }
        }
        return out;
    }

    /** The exact sum of the defined errors of bin b. */
    private BigDecimal exactSum(int b) {
        BigDecimal own = new BigDecimal(sum[b]);
        return mergedSum == null || mergedSum[b] == null ? own : mergedSum[b].add(own);
    }

    /**
     * The exact sum of the defined errors of every binade that holds an input, keyed by its exponent as
     * in {@link #toResults()} (null for the inputs in no binade): what a merge of profiles of disjoint
     * inputs, made elsewhere, needs to give the mean of the whole exactly.
     */
    public Map<Integer, BigDecimal> exactSums() {
        Map<Integer, BigDecimal> out = new LinkedHashMap<>();
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                out.put(b == count.length - 1 ? null : b + minExponent, exactSum(b));
            }
        }
        return out;
    }

    /** e with 2^e ≤ |v| < 2^(e+1), also for subnormal doubles (where getExponent gives one value for all). */
    static int exponent(double v) {
        double a = Math.abs(v);
        return a < Double.MIN_NORMAL ? Math.getExponent(a * 0x1p64) - 64 : Math.getExponent(a);
    }
}
