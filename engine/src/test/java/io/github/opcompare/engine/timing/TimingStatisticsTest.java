package io.github.opcompare.engine.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.result.CostFit;
import io.github.opcompare.engine.result.Outliers;
import io.github.opcompare.engine.result.SizeTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values worked out by hand from the definitions (quartiles by linear interpolation, type 7). */
class TimingStatisticsTest {

    @Test
    void tukeyFencesClassifyAHighSevereOutlier() {
        // n = 10: Q1 at position 2.25 = 3 + 0.25 = 3.25, Q3 at 6.75 = 7 + 0.75 = 7.75, IQR 4.5;
        // severe above 7.75 + 13.5 = 21.25, so 100 is severe.
        assertEquals(new Outliers(0, 0, 0, 1), TukeyFences.classify(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 100}));
    }

    @Test
    void tukeyFencesClassifyAHighMildOutlier() {
        // Same quartiles (the largest value does not move them): 16 lies between 14.5 and 21.25.
        assertEquals(new Outliers(0, 0, 1, 0), TukeyFences.classify(new double[] {16, 2, 3, 4, 5, 6, 7, 8, 9, 1}));
    }

    @Test
    void tukeyFencesClassifyALowSevereOutlier() {
        // Sorted: -30, 10..18. Q1 = 11 + 0.25 = 11.25, Q3 = 15 + 0.75 = 15.75, IQR 4.5; severe below -2.25.
        assertEquals(new Outliers(1, 0, 0, 0), TukeyFences.classify(new double[] {10, 11, 12, 13, -30, 14, 15, 16, 17, 18}));
    }

    @Test
    void tooFewSamplesHaveNoOutliers() {
        assertEquals(0, TukeyFences.classify(new double[] {1, 1000, 1}).total());
    }

    @Test
    void bootstrapIntervalOfTwoSamplesSpansBoth() {
        // A resample of {a, b} has median a (p = 1/4), (a+b)/2 (p = 1/2) or b (p = 1/4): the 2.5% and
        // 97.5% quantiles of the resampled medians are a and b.
        assertArrayEquals(new double[] {10, 20}, BootstrapInterval.ofMedian(new double[] {20, 10}, 0.95));
    }

    @Test
    void bootstrapIntervalOfEqualSamplesIsThatValue() {
        assertArrayEquals(new double[] {7, 7}, BootstrapInterval.ofMedian(new double[] {7, 7, 7, 7, 7}, 0.95));
    }

    @Test
    void bootstrapIntervalHoldsTheMedianAndIsRepeatable() {
        double[] samples = {105, 98, 101, 99, 130, 100, 102, 97, 103, 100, 99, 101};
        double[] ci = BootstrapInterval.ofMedian(samples, 0.95);
        // The median of these twelve is (100 + 101) / 2 = 100.5; the interval cannot leave the sample range.
        assertTrue(ci[0] <= 100.5 && 100.5 <= ci[1], ci[0] + ".." + ci[1]);
        assertTrue(ci[0] >= 97 && ci[1] <= 130);
        assertArrayEquals(ci, BootstrapInterval.ofMedian(samples, 0.95), "seeded: same samples, same interval");
    }

    @Test
    void summaryComputesMedianMeanMinAndThroughput() {
        SizeTiming t = TimingSummary.of(1000, List.of(4000.0, 1000.0, 2000.0, 3000.0), 10, 1000, 8000, List.of(50.0), List.of());
        assertEquals(2500.0, t.medianNanos());
        assertEquals(2500.0, t.meanNanos());
        assertEquals(1000.0, t.minNanos());
        // 1000 elements in 2.5 µs: 4e8 per second; 8000 bytes: 3.2e9 per second.
        assertEquals(4e8, t.elementsPerSecond(), 1);
        assertEquals(3.2e9, t.bytesPerSecond(), 1);
        assertEquals(50.0, t.transferInNanos());
        assertNull(t.transferOutNanos());
        assertEquals(4, t.samples());
    }

    private static SizeTiming at(long size, double nanos) {
        return TimingSummary.of(size, List.of(nanos), 1, size, size, List.of(), List.of());
    }

    @Test
    void costModelRecoversAnExactLine() {
        // t = 1000 + 2n exactly.
        CostFit fit = CostModel.fit(List.of(at(100, 1200), at(1000, 3000), at(10_000, 21_000), at(100_000, 201_000)));
        assertNotNull(fit);
        assertEquals(1000, fit.overheadNanos(), 1e-6);
        assertEquals(2, fit.nanosPerElement(), 1e-9);
        assertEquals(0, fit.maxRelativeResidual(), 1e-9);
        assertEquals(0, fit.overheadStdErrNanos(), 1e-6);
        assertEquals(4, fit.sizes());
    }

    @Test
    void costModelThroughTwoSizesIsTheLineThroughThemWithoutErrors() {
        CostFit fit = CostModel.fit(List.of(at(100, 1200), at(1000, 3000)));
        assertEquals(1000, fit.overheadNanos(), 1e-6);
        assertEquals(2, fit.nanosPerElement(), 1e-9);
        assertNull(fit.overheadStdErrNanos());
    }

    @Test
    void costModelWeighsEverySizeAlike() {
        // 1000 + 2n with the smallest size 10% slow and the largest 10% fast: a fit on absolute
        // residuals would follow the largest size and miss the overhead badly; relative residuals keep
        // both within the 10% errors.
        CostFit fit = CostModel.fit(List.of(at(100, 1320), at(1000, 3000), at(10_000, 21_000), at(1_000_000, 1_801_000)));
        assertTrue(Math.abs(fit.overheadNanos() - 1000) < 150, fit.toString());
        assertTrue(Math.abs(fit.nanosPerElement() - 2) < 0.2, fit.toString());
        assertTrue(fit.maxRelativeResidual() > 0.01, fit.toString());
    }

    @Test
    void noFitWithOneSize() {
        assertNull(CostModel.fit(List.of(at(100, 1200))));
        assertNull(CostModel.fit(List.of(at(100, 1200), at(100, 1300))));
    }

    @Test
    void everyRequestGetsAnEqualShareOfTheBudgetAndNoMoreThanIsLeft() {
        long[] now = {0};
        TimingBudget budget = new TimingBudget(1000, 4, () -> now[0]);
        assertEquals(250, budget.nextShare()); // 1000 over 4 requests
        now[0] = 100; // the first two took 100 between them: the 400 they left is not handed on
        assertEquals(250, budget.nextShare());
        now[0] = 800; // the third overran its share by 450: the last gets what is left
        assertEquals(200, budget.nextShare());
        now[0] = 1100;
        assertEquals(0, budget.nextShare()); // spent
        assertEquals(-100, budget.remainingNanos());
    }

    @Test
    void manySamplesAllCountButTwoHundredEvenlySpacedAreKept() {
        // 1000 samples: 1, 2, ..., 1000 ns. The median of all of them is 500.5; kept are every fifth
        // in the order taken: 1, 6, 11, ..., 996.
        List<Double> samples = new java.util.ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            samples.add((double) i);
        }
        SizeTiming t = TimingSummary.of(10, samples, 1, 10, 80, List.of(), List.of());
        assertEquals(1000, t.samples());
        assertEquals(500.5, t.medianNanos());
        assertEquals(200, t.sampleNanos().size());
        assertEquals(1.0, t.sampleNanos().get(0));
        assertEquals(6.0, t.sampleNanos().get(1));
        assertEquals(996.0, t.sampleNanos().get(199));
    }

    @Test
    void withManySamplesTheIntervalStillHoldsTheMedianOfAllOfThem() {
        // Timings on a clock grid: 2000 at 1941.7, 500 at 1942.6, 500 outliers at 3000, interleaved.
        // The median of all is 1941.7, and the interval must hold it.
        List<Double> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            samples.add(i % 6 < 4 ? 1941.7 : i % 6 == 4 ? 1942.6 : 3000.0);
        }
        SizeTiming t = TimingSummary.of(10_000, samples, 10, 10_000, 80_000, List.of(), List.of());
        assertEquals(1941.7, t.medianNanos());
        assertTrue(t.ciLowNanos() <= t.medianNanos() && t.medianNanos() <= t.ciHighNanos(), t.toString());
    }

    @Test
    void theRescaledIntervalHasTheWidthTheoryGivesTheMedianOfAllSamples() {
        // 4000 evenly spread values in (0, 1): the median of n uniform samples has standard deviation
        // 1/(2 sqrt(n)) = 0.0079, so a 95% interval is about 2 * 1.96 * 0.0079 = 0.031 wide, where the
        // median of a 1000-sample resample alone would give 0.062.
        double[] values = new double[4000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        double[] ci = BootstrapInterval.ofMedian(values, 0.95, 1000);
        double width = ci[1] - ci[0];
        assertTrue(width > 0.02 && width < 0.045, "width " + width);
    }
}
