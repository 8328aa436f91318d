package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.data.Values;
import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;
import io.github.opcompare.engine.op.OpKind;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.WorstCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Judges one backend's outputs against the exact reference: ulp error, steps, worst cases. */
public final class AccuracyAnalyzer {
    private AccuracyAnalyzer() {
    }

    public static Accuracy analyze(Op op, DType dtype, List<Values> inputs, ExactResults exact, Values actual, int worstCount) {
        int n = exact.length();
        if (actual.length() != n) {
            throw new IllegalArgumentException(op.id() + ": " + actual.length() + " results for " + n + " expected outputs");
        }
        double[] ulp = new double[n];
        double maxUlp = 0;
        double sumUlp = 0;
        long defined = 0;
        long notCorrectlyRounded = 0;
        long maxSteps = 0;
        long undefinedUlp = 0;
        for (int i = 0; i < n; i++) {
            double c = actual.get(i);
            double r = exact.rounded(i);
            double u = UlpError.of(c, exact.exactHi(i), exact.exactLo(i), exact.exactScale(i), dtype);
            // Bit equality: any NaN equals any NaN (canonical bits), -0 differs from +0.
            if (Double.doubleToLongBits(c) != Double.doubleToLongBits(r)) {
                notCorrectlyRounded++;
            } else if (u > 0.5) {
                // Only an overflow gets here: ±Infinity is the correctly rounded result of an exact value
                // beyond the range, and the formula measures it against a value the format cannot hold.
                u = 0.5;
            }
            if (Double.isInfinite(u)) {
                u = Double.NaN;
            }
            ulp[i] = u;
            if (Double.isNaN(u)) {
                undefinedUlp++;
                continue;
            }
            defined++;
            sumUlp += u;
            maxUlp = Math.max(maxUlp, u);
            maxSteps = Math.max(maxSteps, Steps.between(c, r, dtype));
        }
        boolean undefined = undefinedUlp > 0;
        return new Accuracy(
                undefined ? null : maxUlp,
                defined == 0 ? null : sumUlp / defined,
                n == 0 ? 1.0 : (double) (n - notCorrectlyRounded) / n,
                notCorrectlyRounded,
                undefined ? null : maxSteps,
                undefinedUlp,
                worst(op, inputs, exact, actual, ulp, worstCount));
    }

    /** NaN mismatches first, then by ulp error; only results that are not correctly rounded or err at all. */
    private static List<WorstCase> worst(Op op, List<Values> inputs, ExactResults exact, Values actual, double[] ulp, int count) {
        if (count <= 0) {
            return List.of();
        }
        Comparator<Integer> badness = Comparator.comparingDouble(i -> Double.isNaN(ulp[i]) ? Double.POSITIVE_INFINITY : ulp[i]);
        badness = badness.thenComparing(Comparator.<Integer>reverseOrder());
        PriorityQueue<Integer> heap = new PriorityQueue<>(count + 1, badness);
        for (int i = 0; i < ulp.length; i++) {
            if (heap.size() == count) {
                double least = key(ulp[heap.peek()]);
                if (key(ulp[i]) <= least) {
                    continue;
                }
            }
            heap.add(i);
            if (heap.size() > count) {
                heap.poll();
            }
        }
        List<Integer> picked = new ArrayList<>(heap);
        picked.sort(badness.reversed());
        List<WorstCase> out = new ArrayList<>(picked.size());
        DType dtype = exact.dtype();
        for (int i : picked) {
            double c = actual.get(i);
            long steps = Steps.between(c, exact.rounded(i), dtype);
            out.add(new WorstCase(i, inputsOf(op, inputs, i), dtype.format(exact.rounded(i)), exact.formatExact(i),
                    dtype.format(c), Double.isNaN(ulp[i]) ? null : ulp[i], steps == Steps.UNDEFINED ? null : steps));
        }
        return out;
    }

    private static double key(double u) {
        return Double.isNaN(u) ? Double.POSITIVE_INFINITY : u;
    }

    private static List<String> inputsOf(Op op, List<Values> inputs, int i) {
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
