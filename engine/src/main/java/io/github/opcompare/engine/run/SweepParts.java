package io.github.opcompare.engine.run;

import io.github.opcompare.engine.accuracy.AccuracyAccumulator;
import io.github.opcompare.engine.accuracy.AgreementAccumulator;
import io.github.opcompare.engine.result.SweepPart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes down what a sweep's accumulators hold beyond its rounded results: the {@link SweepPart} of a shard. */
final class SweepParts {
    private SweepParts() {
    }

    /**
     * @param accuracy the accumulators of the backends that swept the whole range
     * @param ids every backend of the sweep, in the order of the agreement matrix
     * @param agreement the agreement of each pair (a, b), a before b in {@code ids}
     * @param finished the backends that swept the whole range
     */
    static SweepPart of(String label, long from, long to, long total, int worstKept, Map<String, AccuracyAccumulator> accuracy,
            List<String> ids, AgreementAccumulator[][] agreement, Set<String> finished) {
        List<SweepPart.BackendSums> sums = new ArrayList<>();
        accuracy.forEach((id, a) -> {
            List<SweepPart.BinadeSum> binades = new ArrayList<>();
            a.exactBinadeSums().forEach((exponent, sum) -> binades.add(new SweepPart.BinadeSum(exponent, text(sum))));
            sums.add(new SweepPart.BackendSums(id, text(a.exactSumUlp()), binades));
        });
        List<SweepPart.PairCounts> pairs = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                if (finished.contains(ids.get(a)) && finished.contains(ids.get(b))) {
                    pairs.add(new SweepPart.PairCounts(ids.get(a), ids.get(b), agreement[a][b].count(), agreement[a][b].identical()));
                }
            }
        }
        return new SweepPart(label, from, to, total, worstKept, sums, pairs);
    }

    /** Exact, and read back exactly by {@code new BigDecimal(String)}. */
    private static String text(BigDecimal exact) {
        return exact.stripTrailingZeros().toString();
    }
}
