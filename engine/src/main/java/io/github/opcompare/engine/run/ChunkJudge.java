package io.github.opcompare.engine.run;

import io.github.opcompare.engine.accuracy.AccuracyAccumulator;
import io.github.opcompare.engine.accuracy.AgreementAccumulator;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Judges one chunk of an exhaustive float32 sweep against the exact reference: blocks of inputs, in
 * parallel, each with accumulators of its own, merged into the chunk's {@link Partial} at the end.
 */
final class ChunkJudge {
    /** Inputs per parallel task within a chunk; a block's sums are doubles, merged exactly, so this fixes the result's last bits. */
    static final int BLOCK = 1 << 16;

    private final ReferenceCalculator reference;
    private final Op op;
    private final DType dtype;
    private final int worstCount;

    ChunkJudge(ReferenceCalculator reference, Op op, DType dtype, int worstCount) {
        this.reference = reference;
        this.op = op;
        this.dtype = dtype;
        this.worstCount = worstCount;
    }

    /**
     * @param in the chunk's n inputs, float32, little-endian
     * @param outputs each live backend's n results, float32, little-endian
     * @param column each live backend's column among all {@code backends} of the sweep
     * @param offset the index of the chunk's first input in the whole sweep
     */
    Partial judge(ByteBuffer in, List<ByteBuffer> outputs, int[] column, int backends, int n, long offset) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        return IntStream.range(0, blocks).parallel()
                .mapToObj(b -> judgeBlockInRuns(in, outputs, column, b * BLOCK, Math.min(n, (b + 1) * BLOCK), offset, backends))
                .reduce(Partial::merge)
                .orElseThrow();
    }

    /** The straightforward judging, element by element: what {@link #judge} must give field for field. */
    Partial judgeStraight(ByteBuffer in, List<ByteBuffer> outputs, int[] column, int backends, int n, long offset) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        return IntStream.range(0, blocks).parallel()
                .mapToObj(b -> judgeBlock(in, outputs, column, b * BLOCK, Math.min(n, (b + 1) * BLOCK), offset, backends))
                .reduce(Partial::merge)
                .orElseThrow();
    }

    private Partial judgeBlock(ByteBuffer in, List<ByteBuffer> outputs, int[] column, int from, int to, long offset, int backends) {
        Partial p = new Partial(outputs.size(), backends, column, dtype, worstCount);
        double[] actual = new double[outputs.size()];
        // The block's exact results in one batch: the reference settles the cheap elements in place,
        // where one call per element returned two records each (the same results, bit for bit).
        double[] xs = new double[to - from];
        for (int i = from; i < to; i++) {
            xs[i - from] = in.getFloat(i * Float.BYTES);
        }
        ExactResults exact = reference.compute(op, dtype, List.of(new Values(dtype, xs)));
        for (int i = from; i < to; i++) {
            int j = i - from;
            double x = xs[j];
            for (int k = 0; k < actual.length; k++) {
                actual[k] = outputs.get(k).getFloat(i * Float.BYTES);
                p.accuracy[k].add(offset + i, x, exact.exactHi(j), exact.exactLo(j), exact.exactScale(j), exact.rounded(j),
                        actual[k]);
            }
            for (int k = 0; k < actual.length; k++) {
                for (int m = k + 1; m < actual.length; m++) {
                    p.pair(k, m).add(actual[k], actual[m]);
                }
            }
        }
        return p;
    }

    /**
     * The block judged as {@link #judgeBlock} judges it, with two shortcuts that change no count and no
     * bit of a sum: a backend that returns the same bits as an earlier one has the same ulp error (a
     * function of the result and the exact value alone), and a run of consecutive inputs in one binade
     * with the same correctly rounded value, the same result from every backend and the same ulp errors
     * is counted at once, as many times as it is long (see {@link AccuracyAccumulator#addJudged});
     * where the exact value is the same too, the errors are not even computed. Most float32 inputs
     * of exp come in such runs: NaNs, overflow to infinity, underflow to zero, and arguments too
     * small to move exp off 1.
     */
    private Partial judgeBlockInRuns(ByteBuffer in, List<ByteBuffer> outputs, int[] column, int from, int to, long offset,
            int backends) {
        int n = to - from;
        int live = outputs.size();
        Partial p = new Partial(live, backends, column, dtype, worstCount);
        int[] inBits = new int[n];
        in.asIntBuffer().get(from, inBits);
        double[] xs = new double[n];
        for (int j = 0; j < n; j++) {
            xs[j] = Float.intBitsToFloat(inBits[j]);
        }
        int[][] outBits = new int[live][n];
        for (int k = 0; k < live; k++) {
            outputs.get(k).asIntBuffer().get(from, outBits[k]);
        }
        ExactResults exact = reference.compute(op, dtype, List.of(new Values(dtype, xs)));
        double[][] ulps = new double[live][n];
        boolean[] judged = new boolean[n];
        double[] actual = new double[live];
        for (int j = 0; j < n; ) {
            judge(j, outBits, exact, ulps, judged);
            int end = runEnd(j, n, inBits, outBits, exact, ulps, judged);
            double x = xs[j];
            double rounded = exact.rounded(j);
            for (int k = 0; k < live; k++) {
                actual[k] = Float.intBitsToFloat(outBits[k][j]);
                p.accuracy[k].addJudged(offset + from + j, x, ulps[k][j], rounded, actual[k], end - j);
            }
            for (int k = 0; k < live; k++) {
                for (int m = k + 1; m < live; m++) {
                    p.pair(k, m).add(actual[k], actual[m], end - j);
                }
            }
            j = end;
        }
        return p;
    }

    /**
     * The end (exclusive) of the run that starts at j, already judged: the inputs after j, one by one,
     * while they are in j's binade with j's correctly rounded value and j's result bits from every
     * backend, and either j's exact value (hi, lo and scale to the bit) or the same ulp errors as j:
     * then, with the same ulp errors, everything an accumulator records of them is the same but for
     * the index. What the run compares with stays in locals: this loop runs once per input of the sweep.
     */
    private int runEnd(int j, int n, int[] inBits, int[][] outBits, ExactResults exact, double[][] ulps, boolean[] judged) {
        int key = binadeKey(inBits[j]);
        long rounded = Double.doubleToRawLongBits(exact.rounded(j));
        long hi = Double.doubleToRawLongBits(exact.exactHi(j));
        long lo = Double.doubleToRawLongBits(exact.exactLo(j));
        int scale = exact.exactScale(j);
        int end = j + 1;
        while (end < n && binadeKey(inBits[end]) == key && Double.doubleToRawLongBits(exact.rounded(end)) == rounded
                && sameResults(j, end, outBits)) {
            // The same exact value gives the same errors; another one (the overflow and underflow
            // beyond the float range, where the exact value moves and the result does not) may.
            if (Double.doubleToRawLongBits(exact.exactHi(end)) != hi || Double.doubleToRawLongBits(exact.exactLo(end)) != lo
                    || exact.exactScale(end) != scale) {
                judge(end, outBits, exact, ulps, judged);
                if (!sameErrors(j, end, ulps)) {
                    break;
                }
            }
            end++;
        }
        return end;
    }

    private static boolean sameResults(int a, int b, int[][] outBits) {
        for (int[] bits : outBits) {
            if (bits[a] != bits[b]) {
                return false;
            }
        }
        return true;
    }

    /** Each backend's ulp error at j, once; a backend with the same result bits as an earlier one has its error. */
    private void judge(int j, int[][] outBits, ExactResults exact, double[][] ulps, boolean[] judged) {
        if (judged[j]) {
            return;
        }
        for (int k = 0; k < outBits.length; k++) {
            int same = sameAsEarlier(outBits, k, j);
            ulps[k][j] = same >= 0 ? ulps[same][j]
                    : AccuracyAccumulator.ulpOf(exact.exactHi(j), exact.exactLo(j), exact.exactScale(j), exact.rounded(j),
                            Float.intBitsToFloat(outBits[k][j]), dtype);
        }
        judged[j] = true;
    }

    /** The first backend before k whose result at j has the same bits as k's, or -1. */
    private static int sameAsEarlier(int[][] outBits, int k, int j) {
        for (int e = 0; e < k; e++) {
            if (outBits[e][j] == outBits[k][j]) {
                return e;
            }
        }
        return -1;
    }

    private static boolean sameErrors(int a, int b, double[][] ulps) {
        for (double[] u : ulps) {
            if (Double.doubleToRawLongBits(u[a]) != Double.doubleToRawLongBits(u[b])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Equal for two float32 values (bit patterns) only if {@link io.github.opcompare.engine.accuracy.BinadeProfile}
     * puts them in one bin: the exponent field of a normal value or of infinity and NaN (bins by the
     * binary exponent, and one bin for infinities and NaNs), and for a subnormal (field 0) the position
     * of its leading bit, which is its binary exponent; zero (no leading bit) gets a key of its own.
     * The sign plays no part in the bins, nor here.
     */
    static int binadeKey(int bits) {
        int field = (bits >>> 23) & 0xff;
        return field != 0 ? field : 256 + Integer.numberOfLeadingZeros(bits & 0x7fffff);
    }

    /** Accumulators of one block or chunk: accuracy per live backend, agreement per pair of backends (by column). */
    static final class Partial {
        final AccuracyAccumulator[] accuracy;
        final AgreementAccumulator[][] agreement;
        final int[] column;

        Partial(int live, int backends, int[] column, DType dtype, int worstCount) {
            this.column = column;
            accuracy = new AccuracyAccumulator[live];
            for (int k = 0; k < live; k++) {
                accuracy[k] = new AccuracyAccumulator(dtype, worstCount);
            }
            agreement = new AgreementAccumulator[backends][backends];
            for (int k = 0; k < live; k++) {
                for (int m = k + 1; m < live; m++) {
                    agreement[column[k]][column[m]] = new AgreementAccumulator(dtype);
                }
            }
        }

        AgreementAccumulator pair(int k, int m) {
            return agreement[column[k]][column[m]];
        }

        Partial merge(Partial other) {
            for (int k = 0; k < accuracy.length; k++) {
                accuracy[k].merge(other.accuracy[k]);
            }
            for (int a = 0; a < agreement.length; a++) {
                for (int b = 0; b < agreement.length; b++) {
                    if (agreement[a][b] != null) {
                        agreement[a][b].merge(other.agreement[a][b]);
                    }
                }
            }
            return this;
        }
    }
}
