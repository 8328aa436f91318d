package io.github.opcompare.engine.run;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The special inputs of the ops that are not elementwise: a few short vectors per op whose result
 * IEEE 754-2019 arithmetic settles whatever the order or method of evaluation (NaN propagates; ∞ - ∞
 * and 0 × ∞ are invalid; -0 + -0 = -0; maximum(-0, +0) = +0), plus vectors whose exact result is
 * finite where a naive evaluation overflows ([MAX, MAX, -MAX] sums to MAX exactly): there the exact
 * result correctly rounded is what a sum, as IEEE 754-2019 §9.4 defines it, returns.
 *
 * <p>Left out on purpose: softmax of a vector holding +∞. Its limit is 1 at the +∞ and 0 elsewhere,
 * but e^x / Σ e^x is ∞/∞ and the shifted form has ∞ - ∞, so IEEE arithmetic prescribes no answer (the
 * reference returns NaN, as the libraries' shifted formula does) and a special row would invent one.
 */
final class VectorSpecials {
    private VectorSpecials() {
    }

    /** The special inputs of a reduction, softmax or matmul, each a list of operands; empty for other ops. */
    static List<List<Values>> of(Op op, DType dtype) {
        double max = largestFinite(dtype);
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        List<double[]> v = new ArrayList<>();
        switch (op) {
            case REDUCE_SUM -> {
                v.add(new double[] {1, nan});
                v.add(new double[] {inf, -inf});
                v.add(new double[] {inf, 1});
                v.add(new double[] {-0.0, -0.0});
                v.add(new double[] {-0.0, 0.0});
                v.add(new double[] {1, -1});
                v.add(new double[] {max, max});
                v.add(new double[] {max, max, -max});
            }
            case REDUCE_MEAN -> {
                v.add(new double[] {1, nan});
                v.add(new double[] {inf, -inf});
                v.add(new double[] {inf, 1});
                v.add(new double[] {-0.0, -0.0});
                v.add(new double[] {max, max});
            }
            case REDUCE_MAX, REDUCE_MIN -> {
                // Both orders: a loop "if (x > m) m = x" drops a NaN that is not first, and keeps the first zero.
                v.add(new double[] {1, nan});
                v.add(new double[] {nan, 1});
                v.add(new double[] {-0.0, 0.0});
                v.add(new double[] {0.0, -0.0});
                v.add(op == Op.REDUCE_MAX ? new double[] {-inf, -inf} : new double[] {inf, inf});
            }
            case REDUCE_PROD -> {
                v.add(new double[] {0.0, inf});
                v.add(new double[] {1, nan});
                v.add(new double[] {-0.0, 1});
                v.add(new double[] {-1, -0.0});
                v.add(new double[] {inf, -1});
                v.add(new double[] {max, 2, 0.5});
            }
            case LOGSUMEXP -> {
                v.add(new double[] {-inf, -inf});
                v.add(new double[] {inf, 1});
                v.add(new double[] {inf, inf});
                v.add(new double[] {nan, 1});
                v.add(new double[] {-inf, 0.0});
                v.add(new double[] {max, max});
            }
            case SOFTMAX -> {
                v.add(new double[] {-inf, 0.0});
                v.add(new double[] {nan, 1});
                v.add(new double[] {-inf, -inf});
                v.add(new double[] {max, max});
            }
            case MATMUL -> {
                // 2 x 2, row-major; each pair is A then B.
                return List.of(
                        matrices(dtype, new double[] {nan, 1, 1, 1}, new double[] {1, 1, 1, 1}),
                        matrices(dtype, new double[] {inf, 1, 1, 1}, new double[] {0.0, 1, 1, 1}),
                        matrices(dtype, new double[] {inf, inf, 1, 1}, new double[] {1, 1, -1, 1}),
                        matrices(dtype, new double[] {max, max, 1, 1}, new double[] {2, 0.0, -1, 0.0}));
            }
            default -> {
                return List.of();
            }
        }
        return v.stream().map(x -> List.of(new Values(dtype, x))).toList();
    }

    private static List<Values> matrices(DType dtype, double[] a, double[] b) {
        return List.of(new Values(dtype, a), new Values(dtype, b));
    }

    /** (2 - 2^(1-p)) 2^emax: 3.4028235E38 for float32. */
    static double largestFinite(DType dtype) {
        return Math.scalb(2 - Math.scalb(1.0, 1 - dtype.precision()), dtype.maxExponent());
    }
}
