package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * compute() settles the cheap elements of a batch in place, without the records element() returns:
 * every output must be what element() gives for it, bit for bit, specials and escalations included.
 */
class BatchReferenceMatchesElementTest {
    private final ReferenceCalculator reference = new ReferenceCalculator();

    @Test
    void everyOutputOfABatchIsWhatElementGives() {
        SplittableRandom random = new SplittableRandom(1919);
        double[] edges = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, -1.0,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 88.72283935546875,
            -103.97208404541016, 700.0, -700.0, 1e-30, 40.5, -40.5, 0x1p-30};
        for (DType dtype : List.of(DType.FLOAT32, DType.BFLOAT16, DType.FLOAT16, DType.FLOAT64)) {
            for (Op op : List.of(Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TANH, Op.SIGMOID, Op.ERF, Op.ASINH, Op.EXPM1)) {
                double[] x = new double[10_000];
                for (int i = 0; i < x.length; i++) {
                    // Edges, then any float32 bit pattern, then ordinary values of both signs.
                    x[i] = i < edges.length ? edges[i]
                            : i % 2 == 0 ? Float.intBitsToFloat(random.nextInt()) : random.nextDouble(-30, 30);
                    x[i] = dtype.round(x[i]);
                }
                ExactResults batch = reference.compute(op, dtype, List.of(new Values(dtype, x)));
                for (int i = 0; i < x.length; i++) {
                    ExactElement e = reference.element(op, dtype, x[i], 0);
                    String at = op.id() + " " + dtype.id() + " at " + x[i];
                    assertEquals(Double.doubleToRawLongBits(e.rounded()), Double.doubleToRawLongBits(batch.rounded(i)), at);
                    assertEquals(Double.doubleToRawLongBits(e.exact().hi()), Double.doubleToRawLongBits(batch.exactHi(i)), at);
                    assertEquals(Double.doubleToRawLongBits(e.exact().lo()), Double.doubleToRawLongBits(batch.exactLo(i)), at);
                    assertEquals(e.exact().scale(), batch.exactScale(i), at);
                    assertEquals(e.pass(), batch.pass(i), at);
                }
            }
        }
    }
}
