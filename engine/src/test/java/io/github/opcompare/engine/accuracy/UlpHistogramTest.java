package io.github.opcompare.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.engine.result.UlpBin;
import java.util.List;
import org.junit.jupiter.api.Test;

class UlpHistogramTest {
    @Test
    void errorsFallIntoPowerOfTwoBinsClosedAbove() {
        // By hand: 0 → [0]; 0.25, 0.5 → (0, 0.5]; 0.5000001, 1 → (0.5, 1]; 1.5, 2 → (1, 2];
        // 3 → (2, 4]; 7.9 → (4, 8]; NaN is undefined and in no bin.
        double[] ulp = {0, 0.25, 0.5, 0.5000001, 1, 1.5, 2, 3, Double.NaN, 7.9};
        List<UlpBin> bins = UlpHistogram.of(ulp);
        assertEquals(List.of(
                new UlpBin(0, 0, 1),
                new UlpBin(0, 0.5, 2),
                new UlpBin(0.5, 1, 2),
                new UlpBin(1, 2, 2),
                new UlpBin(2, 4, 1),
                new UlpBin(4, 8, 1)), bins);
    }

    @Test
    void emptyBinsBelowTheHighestAreListedAndNothingAbove() {
        // 100 ulp is in (64, 128]: bins 0, (0,.5], (.5,1], (1,2], ..., (64,128] are 10 bins, 9 of them empty.
        List<UlpBin> bins = UlpHistogram.of(new double[] {100});
        assertEquals(10, bins.size());
        assertEquals(new UlpBin(64, 128, 1), bins.get(9));
        assertEquals(0, bins.stream().limit(9).mapToLong(UlpBin::count).sum());
    }

    @Test
    void nothingDefinedGivesNoBins() {
        assertEquals(List.of(), UlpHistogram.of(new double[] {Double.NaN}));
        assertEquals(List.of(), UlpHistogram.of(new double[0]));
    }

    @Test
    void theLargestDoubleClosesTheTopBin() {
        // MAX_VALUE is just below 2^1024: its bin is (2^1023, 2^1024], and 2^1024 is no double.
        List<UlpBin> bins = UlpHistogram.of(new double[] {Double.MAX_VALUE});
        UlpBin top = bins.get(bins.size() - 1);
        assertEquals(0x1p1023, top.lo());
        assertEquals(Double.MAX_VALUE, top.hi());
        assertEquals(1, top.count());
    }
}
