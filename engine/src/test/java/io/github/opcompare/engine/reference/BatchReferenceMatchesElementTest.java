package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * compute() settles the cheap elements of a batch in place, without the records element() returns:
 * every output must be what element() gives for it, bit for bit, specials and escalations included.
 * The float32 block loops (FirstPassBlock, float32 sqrt) are checked over the hard regions too, and
 * with a first-pass bound so wide that a quarter of the elements go on to double-double, so that
 * settled and escalated elements alternate inside every block.
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
                assertBatchIsElementWise(reference, op, dtype, x);
            }
        }
    }

    /** 2^26 double ulps instead of 2: about 2^-2 of the first pass's float32 roundings stay undecided. */
    private static final ReferenceSettings WIDE_FIRST_PASS = new ReferenceSettings(0x1p26, ReferenceSettings.DEFAULT.doubleDoubleError(),
            ReferenceSettings.DEFAULT.startDigits(), ReferenceSettings.DEFAULT.maxDigits());

    @Test
    void float32BlockLoopsMatchElementOverTheHardRegions() {
        for (Op op : List.of(Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TANH, Op.SQRT)) {
            double[] x = float32HardArguments(op);
            assertBatchIsElementWise(reference, op, DType.FLOAT32, x);
            assertBatchIsElementWise(new ReferenceCalculator(WIDE_FIRST_PASS), op, DType.FLOAT32, x);
        }
    }

    /**
     * The op's hard regions (HardArguments: thresholds, switch points, subnormals), its float32
     * arguments closest to a rounding boundary (HardCases), the float32 neighbours of the values
     * where the block loops stop taking arguments (sqrt: exact squares; ±700 for exp, ±40 for tanh, 1 for log, ±0, the
     * float32 range's ends), NaN and the infinities, and every 65,537th float32 bit pattern.
     */
    private static double[] float32HardArguments(Op op) {
        DoubleStream.Builder b = DoubleStream.builder();
        if (op != Op.SQRT) {
            for (double v : HardArguments.of(op)) {
                b.add(v);
            }
        } else {
            // Exact squares (no remainder) and both parities of the exponent, where the scaling differs.
            for (double v : new double[] {4, 0x1p-148, 0x1p-149, 16777215, 9, 0x1p126, 0x1p127, 2, 0.5}) {
                HardArguments.neighbours(b, v, 4);
            }
        }
        for (double v : HardCases.unary(op, DType.FLOAT32)) {
            b.add(v);
        }
        for (double c : new double[] {700, -700, 40, -40, 1, -1, 0x1p-149, -0x1p-149, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE}) {
            HardArguments.neighbours(b, c, 4);
        }
        for (double v : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            b.add(v);
        }
        for (long bits = 0; bits < 1L << 32; bits += 65_537) {
            b.add(Float.intBitsToFloat((int) bits));
        }
        return b.build().map(v -> (float) v).toArray();
    }

    private static void assertBatchIsElementWise(ReferenceCalculator reference, Op op, DType dtype, double[] x) {
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
