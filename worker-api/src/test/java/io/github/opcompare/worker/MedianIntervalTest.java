package io.github.opcompare.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MedianIntervalTest {
    @Test
    void widthBetweenTheOrderStatisticsAroundTheMedian() {
        // 100 samples 1..100: 1.96·√100/2 = 9.8, so the interval runs from the floor(50 - 9.8) = 40th
        // smallest (index 39, value 40) to index ceil(50 + 9.8) = 60 (value 61); the median is 50.5.
        // Width 21 / 50.5 (by hand).
        double[] sorted = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        assertEquals(21 / 50.5, MedianInterval.relativeWidth(sorted), 1e-12);
    }

    @Test
    void looksOnlyAtCheckpointsAndNeverBelowTheFirst() {
        List<Double> same = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            same.add(5.0);
        }
        assertFalse(MedianInterval.tightEnough(same, 0.02), "31 samples: below the first check");
        same.add(5.0);
        assertTrue(MedianInterval.tightEnough(same, 0.02), "32 identical samples: zero wide");
        same.add(5.0);
        assertFalse(MedianInterval.tightEnough(same, 0.02), "33 is no checkpoint");
        assertFalse(MedianInterval.tightEnough(same.subList(0, 32), 0), "no target: never early");
    }
}
