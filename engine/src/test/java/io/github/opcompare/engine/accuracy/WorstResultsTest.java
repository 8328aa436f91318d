package io.github.opcompare.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The worst results kept: larger errors first, NaN (undefined) worst, earlier inputs first among equal errors. */
class WorstResultsTest {
    @Test
    void keepsTheWorstByErrorThenByEarlierIndex() {
        WorstResults w = new WorstResults(3);
        double[] u = {0.5, 2.0, 0.25, 2.0, 1.0, Double.NaN, 2.0, 0.75};
        for (int i = 0; i < u.length; i++) {
            w.offer(i, u[i], 1.0, 1.0);
        }
        // By hand: NaN at 5; then the 2.0s at 1, 3 and 6, of which the earlier two.
        assertEquals(List.of(5L, 1L, 3L), w.worstFirst().stream().map(WorstResults.Kept::index).toList());
        assertFalse(w.wouldKeep(8, 2.0));
        assertTrue(w.wouldKeep(0, 2.0));
        assertTrue(w.wouldKeep(9, 2.5));
    }

    @Test
    void risingErrorsAndAnyMergeOrderKeepTheSame() {
        WorstResults rising = new WorstResults(4);
        for (int i = 0; i < 1000; i++) {
            rising.offer(i, i / 8, 0, 0);
        }
        // Errors 124 for inputs 992..999 and 123 below: the four earliest of the 124s.
        assertEquals(List.of(992L, 993L, 994L, 995L), rising.worstFirst().stream().map(WorstResults.Kept::index).toList());
        WorstResults low = new WorstResults(4);
        WorstResults high = new WorstResults(4);
        for (int i = 0; i < 1000; i++) {
            (i < 994 ? low : high).offer(i, i / 8, 0, 0);
        }
        high.merge(low);
        assertEquals(List.of(992L, 993L, 994L, 995L), high.worstFirst().stream().map(WorstResults.Kept::index).toList());
    }

    @Test
    void keepsWhatSortingEverythingKeeps() {
        // Against the plainest oracle: all results sorted by error (NaN first), then index; errors drawn
        // from a few values so that ties abound, indexes shuffled, and the results split over three
        // lists merged in turn.
        java.util.SplittableRandom random = new java.util.SplittableRandom(19);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(1, 3000);
            int capacity = random.nextInt(1, 40);
            double[] values = {0, 0.25, 0.5, 1, 3, Double.NaN};
            List<long[]> all = new java.util.ArrayList<>();
            WorstResults[] parts = {new WorstResults(capacity), new WorstResults(capacity), new WorstResults(capacity)};
            long[] indexes = random.longs(n, 0, 1L << 40).distinct().toArray();
            for (long i : indexes) {
                int v = random.nextInt(values.length);
                all.add(new long[] {i, v});
                parts[random.nextInt(3)].offer(i, values[v], 0, 0);
            }
            parts[0].merge(parts[1]);
            parts[0].merge(parts[2]);
            List<Long> expected = all.stream()
                    .sorted(java.util.Comparator.<long[]>comparingDouble(e -> Double.isNaN(values[(int) e[1]]) ? Double.NEGATIVE_INFINITY : -values[(int) e[1]])
                            .thenComparingLong(e -> e[0]))
                    .limit(capacity).map(e -> e[0]).toList();
            assertEquals(expected, parts[0].worstFirst().stream().map(WorstResults.Kept::index).toList(), "round " + round);
        }
    }

    @Test
    void keepsNothingAtCapacityZero() {
        WorstResults none = new WorstResults(0);
        assertFalse(none.offer(0, Double.NaN, 0, 0));
        assertEquals(0, none.size());
    }
}
