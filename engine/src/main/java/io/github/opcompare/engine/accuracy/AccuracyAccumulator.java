package io.github.opcompare.engine.accuracy;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.engine.reference.ExactDecimal;
import io.github.opcompare.engine.reference.ExactValue;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.WorstCase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One backend's accuracy over a stream of results, in constant memory: counts, maximum and mean ulp
 * error, steps, the histogram, the error per binade of the input and the worst results. Each result
 * is judged as {@link AccuracyAnalyzer} judges it. Accumulators of disjoint parts of the inputs
 * {@linkplain #merge merge} into the accumulator of the whole, so a sweep of 2^32 inputs is judged in
 * parallel, chunk by chunk, and gives what one pass over all of them would.
 */
public final class AccuracyAccumulator {
    private final DType dtype;
    private final int worstCount;
    private final UlpHistogram histogram = new UlpHistogram();
    private final BinadeProfile binades;
    /** NaN mismatches are worse than any error; between equal errors the earlier input comes first. */
    private final WorstResults worst;
    private long count;
    private long defined;
    private long notCorrectlyRounded;
    private long undefinedUlp;
    private long maxSteps;
    private double maxUlp;
    private double sumUlp;
    /**
     * The sums of merged accumulators, added exactly: a block's sum in a double depends only on the
     * block, so the mean of a sweep is the same whatever the order of the merges (core count, chunk
     * order, or shards of the sweep merged later on another machine).
     */
    private BigDecimal mergedSumUlp = BigDecimal.ZERO;

    public AccuracyAccumulator(DType dtype, int worstCount) {
        this.dtype = dtype;
        this.worstCount = Math.max(0, worstCount);
        this.binades = new BinadeProfile(dtype);
        this.worst = new WorstResults(this.worstCount);
    }

    /**
     * Judges one result.
     *
     * @param index the result's position among all inputs, for the worst list
     * @param x the first operand (for the error per binade)
     * @param exact the exact result as (hi + lo) * 2^scale
     * @param rounded the correctly rounded result in the dtype
     * @param actual the backend's result
     * @return the result's ulp error, NaN where undefined
     */
    public double add(long index, double x, double hi, double lo, int scale, double rounded, double actual) {
        double u = ulpOf(hi, lo, scale, rounded, actual, dtype);
        addJudged(index, x, u, rounded, actual, 1);
        return u;
    }

    /**
     * The ulp error {@link #add} counts for a result: {@link UlpError}'s, except that a correctly rounded
     * overflow counts 0.5 and an infinite error counts as undefined (NaN). A function of its arguments
     * alone, so that results with the same arguments (two backends that return the same bits, a run of
     * inputs with the same exact value and result) are judged once.
     */
    public static double ulpOf(double hi, double lo, int scale, double rounded, double actual, DType dtype) {
        double u = UlpError.of(actual, hi, lo, scale, dtype);
        // Bit equality: any NaN equals any NaN (canonical bits), -0 differs from +0.
        if (Double.doubleToLongBits(actual) == Double.doubleToLongBits(rounded) && u > 0.5) {
            // Only an overflow gets here: ±Infinity is the correctly rounded result of an exact value
            // beyond the range, and the formula measures it against a value the format cannot hold.
            u = 0.5;
        }
        return Double.isInfinite(u) ? Double.NaN : u;
    }

    /**
     * Counts {@code times} results already judged, as that many calls of {@link #add} would: the inputs
     * at indexes {@code index} to {@code index + times - 1}, all in the binade of {@code x} (see {@link
     * BinadeProfile}), each with the ulp error {@code u} (from {@link #ulpOf}), the same correctly
     * rounded value and the same result. An exhaustive sweep meets such runs by the million (NaN
     * inputs, overflow, underflow, arguments too small to move exp off 1).
     */
    public void addJudged(long index, double x, double u, double rounded, double actual, int times) {
        if (times <= 0) {
            return;
        }
        if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(rounded)) {
            notCorrectlyRounded += times;
        }
        count += times;
        binades.add(x, u, times);
        histogram.add(u, times);
        if (Double.isNaN(u)) {
            undefinedUlp += times;
        } else {
            defined += times;
            sumUlp = RepeatedSum.of(sumUlp, u, times);
            maxUlp = Math.max(maxUlp, u);
            maxSteps = Math.max(maxSteps, Steps.between(actual, rounded, dtype));
        }
        // One result after the other, as add would offer them. Once one is refused (the list is full
        // and its error is no worse than the least bad kept) the list is unchanged, so every later one
        // of the run, with the same error and a later index, is refused too: at most worstCount + 1 rounds.
        for (int j = 0; j < times && worst.offer(index + j, u, rounded, actual); j++) {
            // kept; the next one may be too
        }
    }

    /** Adds another accumulator's results (of other inputs) to this one. */
    public void merge(AccuracyAccumulator other) {
        if (other.dtype != dtype) {
            throw new IllegalArgumentException("Cannot merge " + other.dtype + " results into " + dtype);
        }
        count += other.count;
        defined += other.defined;
        notCorrectlyRounded += other.notCorrectlyRounded;
        undefinedUlp += other.undefinedUlp;
        maxSteps = Math.max(maxSteps, other.maxSteps);
        maxUlp = Math.max(maxUlp, other.maxUlp);
        mergedSumUlp = mergedSumUlp.add(other.exactSumUlp());
        histogram.merge(other.histogram);
        binades.merge(other.binades);
        worst.merge(other.worst);
    }

    public long count() {
        return count;
    }

    /** The exact sum of the defined ulp errors added (each block of adds summed in a double, the blocks exactly). */
    public BigDecimal exactSumUlp() {
        return mergedSumUlp.add(new BigDecimal(sumUlp));
    }

    /** The exact sums of the ulp errors per binade, keyed as {@link BinadeProfile#exactSums()}. */
    public java.util.Map<Integer, BigDecimal> exactBinadeSums() {
        return binades.exactSums();
    }

    /**
     * The accuracy of everything added.
     *
     * @param inputs the operands of the input at an index, as strings, for the worst list
     * @param exact the exact value at an index, for the worst list (computed only for those)
     * @param withBinades whether to include the error per binade (not for a reduction's one output)
     */
    public Accuracy toAccuracy(LongFunction<List<String>> inputs, LongFunction<ExactDecimal> exact, boolean withBinades) {
        boolean undefined = undefinedUlp > 0;
        return new Accuracy(
                undefined ? null : maxUlp,
                defined == 0 ? null : exactSumUlp().doubleValue() / defined,
                count == 0 ? 1.0 : (double) (count - notCorrectlyRounded) / count,
                notCorrectlyRounded,
                undefined ? null : maxSteps,
                undefinedUlp,
                worstCases(inputs, exact),
                histogram.bins(),
                withBinades ? binades.toResults() : null);
    }

    private List<WorstCase> worstCases(LongFunction<List<String>> inputs, LongFunction<ExactDecimal> exact) {
        List<WorstResults.Kept> picked = worst.worstFirst();
        List<WorstCase> out = new ArrayList<>(picked.size());
        for (WorstResults.Kept c : picked) {
            long steps = Steps.between(c.actual(), c.rounded(), dtype);
            ExactDecimal e = exact.apply(c.index());
            out.add(new WorstCase(c.index(), inputs.apply(c.index()), dtype.format(c.rounded()), e.text(), e.digits(), dtype.format(c.actual()),
                    Double.isNaN(c.ulp()) ? null : c.ulp(), steps == Steps.UNDEFINED ? null : steps));
        }
        return out;
    }

}
