package io.github.opcompare.engine.accuracy;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.engine.reference.ExactDecimal;
import io.github.opcompare.engine.reference.ExactDecimals;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.ValueRow;
import io.github.opcompare.engine.result.WorstCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the elements of a case to show side by side with every backend's result: the first few, as
 * anyone would print the head of two arrays, and each backend's worst, so that the reader sees what
 * the other backends returned where one of them went furthest wrong.
 */
public final class ValueSampler {
    /** Elements from the start of the arrays. */
    public static final int FIRST = 16;
    /** Worst elements taken from each backend's list. */
    public static final int WORST_PER_BACKEND = 5;

    private ValueSampler() {
    }

    /**
     * @param outputs each backend's result by backend id, in report order (backends without a result
     *     are simply absent)
     * @param results the backends' judged results, whose {@code accuracy.worst} name the worst elements
     */
    public static List<ValueRow> rows(Op op, List<Values> inputs, ExactResults exact, Map<String, Values> outputs,
            List<BackendResult> results) {
        return rows(op, inputs, exact, new ExactDecimals(op, inputs, exact), outputs, results);
    }

    /** As above, with the exact values shown computed by {@code decimals} (shared with the worst lists). */
    public static List<ValueRow> rows(Op op, List<Values> inputs, ExactResults exact, ExactDecimals decimals,
            Map<String, Values> outputs, List<BackendResult> results) {
        int n = exact.length();
        Map<Integer, List<String>> picked = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(FIRST, n); i++) {
            picked.put(i, new ArrayList<>());
        }
        for (BackendResult r : results) {
            if (r.accuracy() == null || r.accuracy().worst() == null) {
                continue;
            }
            List<WorstCase> worst = r.accuracy().worst();
            for (WorstCase w : worst.subList(0, Math.min(WORST_PER_BACKEND, worst.size()))) {
                if (w.index() >= 0 && w.index() < n) {
                    picked.computeIfAbsent((int) w.index(), i -> new ArrayList<>()).add(r.backend());
                }
            }
        }
        List<ValueRow> rows = new ArrayList<>(picked.size());
        picked.forEach((i, worstOf) -> {
            Map<String, String> values = new LinkedHashMap<>();
            outputs.forEach((backend, v) -> values.put(backend, v.format(i)));
            ExactDecimal e = decimals.at(i);
            rows.add(new ValueRow(i, AccuracyAnalyzer.inputsOf(op, inputs, i), exact.dtype().format(exact.rounded(i)),
                    e.text(), e.digits(), values, List.copyOf(worstOf)));
        });
        return rows;
    }
}
