package io.github.opcompare.engine.check;

import java.util.List;
import org.hipparchus.stat.inference.MannWhitneyUTest;

/**
 * Decides whether a timing changed against the baseline, from every sample of both runs.
 *
 * <p>Why Mann-Whitney U: timing samples are skewed and carry outliers (a context switch, a GC in the
 * worker), so a t-test's normality is not there; the rank test needs none, and an outlier moves
 * one rank, not the mean. Hipparchus computes its exact p-value for the small sample counts a run
 * takes (5 to 30 per size). Why alpha 0.01: a build runs this test for every case, backend and size,
 * often a hundred times; at 0.05 several would fail by chance on every build. Why also a minimum
 * effect (default 10% on the median): with 30 samples a shift of 2%, from frequency scaling or a
 * neighbour on the CI host, is "significant" and real, yet not a regression of the code anyone should
 * chase. A build fails only when the change is both unlikely to be noise and large enough to matter.
 *
 * <p>With fewer than 5 samples on a side no p-value can fall below 0.01 (5 against 5 gives at best
 * 2/252 = 0.0079), so such timings are reported as not decidable instead of silently passing.
 */
public final class SpeedChangeTest {
    /** Significance level of the two-sided test. */
    public static final double ALPHA = 0.01;
    /** Fewest samples on each side that can reach {@link #ALPHA}. */
    public static final int MIN_SAMPLES = 5;

    private final double minEffect;

    /** @param minEffect smallest relative change of the median that counts, 0.10 for 10% */
    public SpeedChangeTest(double minEffect) {
        if (!(minEffect >= 0)) {
            throw new IllegalArgumentException("Invalid minimum speed change " + minEffect + "; it must be 0 or more (0.1 for 10%)");
        }
        this.minEffect = minEffect;
    }

    /** The verdict on one size: slower, faster or unchanged, or why it cannot be decided. */
    public record Outcome(Verdict verdict, double relativeChange, Double pValue) {
    }

    /**
     * @param baselineMedian the baseline's median time per call
     * @param currentMedian this run's median time per call
     * @return null when either side has too few samples to decide
     */
    public Outcome test(List<Double> baselineSamples, double baselineMedian, List<Double> currentSamples, double currentMedian) {
        double change = currentMedian / baselineMedian - 1;
        if (baselineSamples == null || currentSamples == null
                || baselineSamples.size() < MIN_SAMPLES || currentSamples.size() < MIN_SAMPLES) {
            return null;
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(toArray(baselineSamples), toArray(currentSamples));
        Verdict verdict = Verdict.UNCHANGED;
        if (p < ALPHA && change > minEffect) {
            verdict = Verdict.WORSE;
        } else if (p < ALPHA && change < -minEffect) {
            verdict = Verdict.BETTER;
        }
        return new Outcome(verdict, change, p);
    }

    private static double[] toArray(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
