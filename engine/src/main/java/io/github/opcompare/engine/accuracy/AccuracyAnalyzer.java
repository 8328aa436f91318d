package io.github.opcompare.engine.accuracy;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import io.github.opcompare.engine.reference.ExactDecimals;
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
        return analyze(op, dtype, inputs, exact, new ExactDecimals(op, inputs, exact), actual, worstCount);
    }

    /**
     * As above, with the exact values shown computed by {@code decimals}, which a case shares between
     * its backends and its side-by-side rows.
     */
    public static Accuracy analyze(Op op, DType dtype, List<Values> inputs, ExactResults exact, ExactDecimals decimals,
            Values actual, int worstCount) {
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
        Accuracy accuracy = accumulator.toAccuracy(i -> inputsOf(op, inputs, (int) i), i -> decimals.at((int) i), perElement);
        return op.kind() == OpKind.ELEMENTWISE ? accuracy : withRelativeError(accuracy, op, inputs, exact, actual);
    }

    /**
     * Reductions, softmax and matmul combine many inputs into each output: their error is judged also
     * relative to the exact value, as the literature on summation and dot products states it.
     */
    private static Accuracy withRelativeError(Accuracy accuracy, Op op, List<Values> inputs, ExactResults exact, Values actual) {
        RelativeErrorStats stats = new RelativeErrorStats();
        for (int i = 0; i < exact.length(); i++) {
            double got = actual.get(i);
            double rounded = exact.rounded(i);
            boolean correctNonNumber = !Double.isFinite(rounded)
                    && Double.doubleToLongBits(got) == Double.doubleToLongBits(rounded);
            stats.add(RelativeError.of(got, exact.exactHi(i), exact.exactLo(i), exact.exactScale(i)), correctNonNumber);
        }
        return accuracy.withRelativeError(stats.max(), stats.mean(), stats.infinite(), conditionNumber(op, inputs, exact));
    }

    /** The condition number where it explains a large relative error: sums, means and logsumexp. */
    static Double conditionNumber(Op op, List<Values> inputs, ExactResults exact) {
        double[] x = inputs.get(0).array();
        return switch (op) {
            case REDUCE_SUM -> ConditionNumber.ofSum(x, 1, exact.exactHi(0), exact.exactLo(0), exact.exactScale(0));
            case REDUCE_MEAN -> ConditionNumber.ofSum(x, x.length, exact.exactHi(0), exact.exactLo(0), exact.exactScale(0));
            case LOGSUMEXP -> ConditionNumber.ofLogSumExp(x, exact.exactHi(0), exact.exactLo(0), exact.exactScale(0));
            default -> null;
        };
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
