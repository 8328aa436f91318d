package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * The float32 first pass in blocks: which arguments it takes (expected values by hand from the
 * special values each op has), and that each element it settles is written as
 * {@link ElementaryReference#settleCheaply} writes it, each one it leaves listed.
 */
class FirstPassBlockTest {
    private static final float ABOVE_700 = Math.nextUp(700f);
    private static final float BELOW_700 = Math.nextDown(700f);

    @Test
    void takesOnlyArgumentsWithoutASpecialValue() {
        // exp: e^0 = 1 exactly, NaN, ±Infinity and |x| ≥ 700 (out of range) are special.
        assertTakes(Op.EXP, BELOW_700, -BELOW_700, Float.MIN_VALUE, -Float.MIN_VALUE, 1, -1, 88.72284f);
        assertLeaves(Op.EXP, 700, -700, ABOVE_700, 0.0, -0.0, Float.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        // log: x < 0 (NaN), ±0 (the pole), 1 (log 1 = 0) and +Infinity are special.
        assertTakes(Op.LOG, Float.MIN_VALUE, Float.MAX_VALUE, Math.nextUp(1f), Math.nextDown(1f), 2);
        assertLeaves(Op.LOG, 1, 0.0, -0.0, -1, -Float.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        // sin, cos: ±0 and ±Infinity.
        for (Op op : List.of(Op.SIN, Op.COS)) {
            assertTakes(op, Float.MIN_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, 3.1415927f);
            assertLeaves(op, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        }
        // tanh: ±0, below 2^-500 (none in float32) and beyond 40, where tanh rounds to ±1.
        assertTakes(Op.TANH, 40, -40, Float.MIN_VALUE, 0.55f, -9.01f);
        assertLeaves(Op.TANH, Math.nextUp(40f), -Math.nextUp(40f), 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY);
        // Ops without a block loop take nothing.
        assertLeaves(Op.ERF, 1, 0.5);
        assertFalse(FirstPassBlock.covers(Op.ERF));
    }

    private static void assertTakes(Op op, double... xs) {
        for (double x : xs) {
            assertTrue(FirstPassBlock.ordinary(op, x), op.id() + " should take " + x);
            // And the element-wise reference indeed finds no special value there: pass 0 is theirs.
            assertTrue(new ReferenceCalculator().element(op, DType.FLOAT32, x, 0).pass() > 0, op.id() + "(" + x + ")");
        }
    }

    private static void assertLeaves(Op op, double... xs) {
        for (double x : xs) {
            assertFalse(FirstPassBlock.ordinary(op, x), op.id() + " should leave " + x);
        }
    }

    @Test
    void settlesWhatSettleCheaplySettlesAndListsTheRest() {
        for (ReferenceSettings settings : List.of(ReferenceSettings.DEFAULT,
                new ReferenceSettings(0x1p26, ReferenceSettings.DEFAULT.doubleDoubleError(), 40, 20_000))) {
            ElementaryReference elementary = new ElementaryReference(settings);
            for (Op op : List.of(Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TANH)) {
                double[] x = arguments(op);
                ExactResults block = new ExactResults(DType.FLOAT32, x.length);
                int[] left = new int[x.length];
                // From 3, so that indices and positions in the block differ.
                int n = elementary.settleBlock(op, DType.FLOAT32, x, 3, x.length, block, left);
                int[] listed = Arrays.copyOf(left, n);
                for (int k = 1; k < n; k++) {
                    assertTrue(listed[k - 1] < listed[k], "ascending");
                }
                int settled = 0;
                // Each call writes output i only.
                ExactResults cheap = new ExactResults(DType.FLOAT32, x.length);
                for (int i = 3; i < x.length; i++) {
                    boolean settles = elementary.settleCheaply(op, x[i], DType.FLOAT32, cheap, i);
                    String at = op.id() + "(" + x[i] + ")";
                    if (Arrays.binarySearch(listed, i) >= 0) {
                        // Listed: settleCheaply may still settle it (a special value), the caller asks it.
                        continue;
                    }
                    settled++;
                    assertTrue(settles, at + " settled by the block but not by settleCheaply");
                    assertEquals(Double.doubleToRawLongBits(cheap.rounded(i)), Double.doubleToRawLongBits(block.rounded(i)), at);
                    assertEquals(Double.doubleToRawLongBits(cheap.exactHi(i)), Double.doubleToRawLongBits(block.exactHi(i)), at);
                    assertEquals(Double.doubleToRawLongBits(cheap.exactLo(i)), Double.doubleToRawLongBits(block.exactLo(i)), at);
                    assertEquals(cheap.exactScale(i), block.exactScale(i), at);
                    assertEquals(1, block.pass(i), at);
                }
                for (int i = 3; i < x.length; i++) {
                    boolean listedHere = Arrays.binarySearch(listed, i) >= 0;
                    if (listedHere && FirstPassBlock.ordinary(op, x[i])) {
                        // An ordinary argument left by the block must be one the first pass cannot settle.
                        assertFalse(elementary.settleCheaply(op, x[i], DType.FLOAT32, cheap, i),
                                op.id() + "(" + x[i] + ") left by the block but settled by settleCheaply");
                    }
                }
                // Most hard arguments of tanh are tiny or beyond 40 and left; the stride still gives hundreds, even with the wide bound.
                assertTrue(settled > 500, op.id() + ": the block settled only " + settled);
            }
        }
    }

    /**
     * tanh's block ({@link TanhBlock}) computes FastPass.tanh's values in another order, split at
     * 0.55 where FastPass.tanh switches forms: every float32 within 2^18 ulps of ±0.55 (both forms
     * and the switch, |x| from 0.534 to 0.566), every float32 in ±[39.75, 40.25] (the saturation
     * bound) and every 4,099th bit
     * pattern, in blocks of 4,096 as the reference takes them, must come out as settleCheaply
     * writes them, listed where settleCheaply does not settle them.
     */
    @Test
    void tanhBlockIsSettleCheaplyAroundItsThresholdsAndOnAStride() {
        DoubleStream.Builder b = DoubleStream.builder();
        int around = Float.floatToIntBits(0.55f);
        for (int bits = around - (1 << 18); bits <= around + (1 << 18); bits++) {
            b.add(Float.intBitsToFloat(bits));
            b.add(-Float.intBitsToFloat(bits));
        }
        for (float v = 39.75f; v <= 40.25f; v = Math.nextUp(v)) {
            b.add(v);
            b.add(-v);
        }
        for (long bits = 0; bits < 1L << 32; bits += 4099) {
            b.add(Float.intBitsToFloat((int) bits));
        }
        double[] x = b.build().toArray();
        ElementaryReference elementary = new ElementaryReference(ReferenceSettings.DEFAULT);
        ExactResults block = new ExactResults(DType.FLOAT32, x.length);
        ExactResults cheap = new ExactResults(DType.FLOAT32, x.length);
        int[] left = new int[4096];
        int settled = 0;
        for (int from = 0; from < x.length; from += 4096) {
            int to = Math.min(x.length, from + 4096);
            int n = elementary.settleBlock(Op.TANH, DType.FLOAT32, x, from, to, block, left);
            int next = 0;
            for (int i = from; i < to; i++) {
                boolean listed = next < n && left[next] == i;
                if (listed) {
                    next++;
                }
                boolean settles = elementary.settleCheaply(Op.TANH, x[i], DType.FLOAT32, cheap, i);
                String at = "tanh(" + x[i] + ")";
                if (listed) {
                    // Left by the block: settleCheaply may settle it only as a special value (pass 0).
                    assertTrue(!settles || cheap.pass(i) == 0, at + " left by the block but settled by the first pass");
                    continue;
                }
                settled++;
                assertTrue(settles && cheap.pass(i) == 1, at + " settled by the block but not by the first pass");
                assertEquals(Double.doubleToRawLongBits(cheap.rounded(i)), Double.doubleToRawLongBits(block.rounded(i)), at);
                assertEquals(Double.doubleToRawLongBits(cheap.exactHi(i)), Double.doubleToRawLongBits(block.exactHi(i)), at);
                assertEquals(1, block.pass(i), at);
            }
            assertEquals(n, next, "the list holds indices of the block only, ascending");
        }
        // The 1 Mi arguments around ±0.55 and the 131,074 in ±[39.75, 40] are ordinary.
        assertTrue(settled > 1_100_000, "settled " + settled);
    }

    @Test
    void ulpIsMathUlpForEveryExponent() {
        long[] significands = {0, 1, 0x8000000000000L, 0xfffffffffffffL, 0x123456789abcdL};
        for (long e = 0; e <= 0x7ff; e++) {
            for (long m : significands) {
                for (long sign : new long[] {0, 1L << 63}) {
                    double d = Double.longBitsToDouble(sign | e << 52 | m);
                    assertEquals(Double.doubleToLongBits(Math.ulp(d)), Double.doubleToLongBits(FirstPassBlock.ulp(d)), "ulp(" + d + ")");
                }
            }
        }
    }

    @Test
    void listsEverythingWhereItDoesNotApply() {
        double[] x = {1, 2, 3};
        int[] left = new int[3];
        ElementaryReference elementary = new ElementaryReference(ReferenceSettings.DEFAULT);
        assertEquals(3, elementary.settleBlock(Op.EXP, DType.FLOAT64, x, 0, 3, new ExactResults(DType.FLOAT64, 3), left));
        assertEquals(2, elementary.settleBlock(Op.ERF, DType.FLOAT32, x, 1, 3, new ExactResults(DType.FLOAT32, 3), left));
        assertEquals(List.of(1, 2), List.of(left[0], left[1]));
        ElementaryReference off = new ElementaryReference(new ReferenceSettings(0, ReferenceSettings.DEFAULT.doubleDoubleError(), 40, 20_000));
        assertEquals(3, off.settleBlock(Op.EXP, DType.FLOAT32, x, 0, 3, new ExactResults(DType.FLOAT32, 3), left));
    }

    private static double[] arguments(Op op) {
        DoubleStream.Builder b = DoubleStream.builder();
        for (double v : HardArguments.of(op)) {
            b.add(v);
        }
        for (double v : HardCases.unary(op, DType.FLOAT32)) {
            b.add(v);
        }
        for (double v : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 700, -700, 1}) {
            b.add(v);
        }
        for (long bits = 0; bits < 1L << 32; bits += 1_000_003) {
            b.add(Float.intBitsToFloat((int) bits));
        }
        return b.build().map(v -> (float) v).toArray();
    }
}
