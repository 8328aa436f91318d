package io.github.opcompare.engine.accuracy;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.ValueRow;
import io.github.opcompare.engine.result.WorstCase;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueSamplerTest {
    @Test
    void firstSixteenThenEachBackendsWorstOnce() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * i; // perfect squares: sqrt is exact, so the rounded results are 0, 1, 2, ...
        }
        Values in = new Values(FLOAT32, x);
        ExactResults exact = new ReferenceCalculator().compute(Op.SQRT, FLOAT32, List.of(in));
        double[] good = new double[20];
        double[] bad = new double[20];
        for (int i = 0; i < 20; i++) {
            good[i] = i;
            bad[i] = i;
        }
        bad[18] = 18.5;
        Map<String, Values> outputs = new LinkedHashMap<>();
        outputs.put("a", new Values(FLOAT32, good));
        outputs.put("b", new Values(FLOAT32, bad));
        // Worst lists chosen by hand: b's sixth is past the cap of five.
        List<BackendResult> results = List.of(withWorst("a", 17, 3), withWorst("b", 18, 17, 2, 19, 16, 1));

        List<ValueRow> rows = ValueSampler.rows(Op.SQRT, List.of(in), exact, outputs, results);

        List<Long> indices = new ArrayList<>();
        rows.forEach(r -> indices.add(r.index()));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 17L, 18L, 19L, 16L), indices);
        assertEquals(List.of(), rows.get(1).worstOf()); // b's sixth worst is not marked
        assertEquals(List.of("b"), rows.get(2).worstOf());
        assertEquals(List.of("a"), rows.get(3).worstOf());
        assertEquals(List.of("a", "b"), rows.get(16).worstOf());
        ValueRow r18 = rows.get(17);
        assertEquals(List.of("324.0"), r18.inputs());
        assertEquals("18.0", r18.expected());
        assertEquals(Map.of("a", "18.0", "b", "18.5"), r18.outputs());
        assertEquals(List.of("a", "b"), new ArrayList<>(r18.outputs().keySet()));
    }

    @Test
    void reductionShowsItsOneOutput() {
        Values in = new Values(FLOAT32, new double[] {1, 2, 3});
        ExactResults exact = new ReferenceCalculator().compute(Op.REDUCE_SUM, FLOAT32, List.of(in));
        List<ValueRow> rows = ValueSampler.rows(Op.REDUCE_SUM, List.of(in), exact,
                Map.of("a", new Values(FLOAT32, new double[] {6})), List.of(withWorst("a")));
        assertEquals(1, rows.size());
        assertEquals(List.of("3 values"), rows.get(0).inputs());
        assertEquals("6.0", rows.get(0).expected());
        assertEquals(Map.of("a", "6.0"), rows.get(0).outputs());
    }

    private static BackendResult withWorst(String backend, long... indices) {
        List<WorstCase> worst = new ArrayList<>();
        for (long i : indices) {
            worst.add(new WorstCase(i, List.of(), "0.0", "0", "0.0", 1.0, 1L));
        }
        return new BackendResult(backend, "ok", null, new Accuracy(1.0, 0.5, 0.5, 1, 1L, 0, worst),
                null, null, null, null, null, null);
    }
}
