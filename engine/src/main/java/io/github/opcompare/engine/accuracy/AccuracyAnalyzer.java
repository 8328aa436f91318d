package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.data.Values;
import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;
import io.github.opcompare.engine.op.OpKind;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.result.Accuracy;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one backend's outputs against the exact reference: ulp error, steps, histogram, error per
 * binade, worst cases. The judging itself is {@link AccuracyAccumulator}'s, which an exhaustive sweep
 * uses chunk by chunk, so a case and a sweep judge every result alike.
 */
public final class AccuracyAnalyzer {
    private AccuracyAnalyzer() {
    }

    public static Accuracy analyze(Op op, DType dtype, List<Values> inputs, ExactResults exact, Values actual, int worstCount) {
        int n = exact.length();
        if (actual.length() != n) {
            throw new IllegalArgumentException(op.id() + ": " + actual.length() + " results for " + n + " expected outputs");
        }
        // A reduction has one output: no function of the input to plot, and its "input" is the whole vector.
        boolean perElement = op.kind() != OpKind.REDUCTION;
        AccuracyAccumulator accumulator = new AccuracyAccumulator(dtype, worstCount);
        for (int i = 0; i < n; i++) {
            accumulator.add(i, perElement ? inputs.get(0).get(i) : Double.NaN, exact.exactHi(i), exact.exactLo(i),
                    exact.exactScale(i), exact.rounded(i), actual.get(i));
        }
        return accumulator.toAccuracy(i -> inputsOf(op, inputs, (int) i), perElement);
    }

    static List<String> inputsOf(Op op, List<Values> inputs, int i) {
        if (op.kind() == OpKind.REDUCTION) {
            return List.of(inputs.get(0).length() + " values");
        }
        List<String> s = new ArrayList<>(inputs.size());
        for (Values v : inputs) {
            s.add(v.format(i));
        }
        return s;
    }
}
