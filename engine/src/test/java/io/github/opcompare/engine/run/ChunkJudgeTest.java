package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.accuracy.AccuracyAccumulator;
import io.github.opcompare.engine.domain.ExhaustiveDomain;
import io.github.opcompare.engine.reference.ExactDecimal;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judging of a chunk in runs ({@link ChunkJudge#judge}) against the straightforward judging,
 * element by element ({@link ChunkJudge#judgeStraight}): every field of every accumulator the same,
 * to the last bit of every sum, on stretches of exp's float32 inputs around its hard regions: NaNs and
 * infinities, the overflow threshold, the start of subnormal results and of underflow to zero, both
 * zeros and the subnormal inputs, the arguments too small to move exp off 1, and those so large that
 * the exact value's scale saturates. Three stand-in backends: exp rounded to float32; the same with
 * subnormal results flushed to zero, a planted error one step up every 9,973rd input and NaNs of
 * another payload (so that runs break and the backends disagree); and the first one again with its
 * own planted errors (so that a backend's result equals one backend's but not the other's).
 */
class ChunkJudgeTest {
    private static final int SPAN = 200_003;
    private final ChunkJudge judge = new ChunkJudge(new ReferenceCalculator(), Op.EXP, DType.FLOAT32, 5);

    @Test
    void judgingInRunsGivesWhatTheStraightforwardJudgingGivesAroundEveryHardRegion() {
        float[] centres = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, 88.72283935546875f, 88.72284f,
            -87.33654f, -103.27893f, -103.97208f, 0x1p-25f, -0x1p-25f, 0x1p-54f, -0x1p-54f, 744261117.6f, -744261117.6f, 1f, -0.5f};
        for (float centre : centres) {
            long first = ordinal(centre) - SPAN / 2;
            ByteBuffer in = buffer();
            ByteBuffer[] out = {buffer(), buffer(), buffer()};
            for (int i = 0; i < SPAN; i++) {
                float x = Float.intBitsToFloat(ExhaustiveDomain.float32Bits(first + i));
                float e = (float) Math.exp(x);
                in.putFloat(i * 4, x);
                out[0].putFloat(i * 4, e);
                float flushed = Math.abs(e) < Float.MIN_NORMAL ? 0f : e;
                if (Float.isNaN(x)) {
                    out[1].putInt(i * 4, 0x7fc00001);
                } else {
                    out[1].putFloat(i * 4, i % 9973 == 0 ? Math.nextUp(flushed) : flushed);
                }
                out[2].putFloat(i * 4, i % 7919 == 0 ? Math.nextDown(e) : e);
            }
            long offset = first - Integer.MIN_VALUE;
            List<ByteBuffer> outputs = List.of(out);
            int[] column = {0, 2, 1};
            ChunkJudge.Partial fast = judge.judge(in, outputs, column, 3, SPAN, offset);
            ChunkJudge.Partial straight = judge.judgeStraight(in, outputs, column, 3, SPAN, offset);
            String at = "around " + centre;
            for (int k = 0; k < 3; k++) {
                assertEquals(SPAN, straight.accuracy[k].count(), at);
                assertEquals(accuracy(straight.accuracy[k]), accuracy(fast.accuracy[k]), at + ", backend " + k);
                assertEquals(straight.accuracy[k].exactSumUlp(), fast.accuracy[k].exactSumUlp(), at + ", backend " + k);
                assertEquals(straight.accuracy[k].exactBinadeSums(), fast.accuracy[k].exactBinadeSums(), at + ", backend " + k);
            }
            int pairs = 0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    if (straight.agreement[a][b] == null) {
                        continue;
                    }
                    pairs++;
                    assertEquals(straight.agreement[a][b].count(), fast.agreement[a][b].count(), at);
                    assertEquals(straight.agreement[a][b].identical(), fast.agreement[a][b].identical(), at);
                    assertEquals(straight.agreement[a][b].toAgreement("a", "b"), fast.agreement[a][b].toAgreement("a", "b"), at);
                }
            }
            assertEquals(3, pairs, at);
        }
    }

    @Test
    void overflowAndTheNaNsBeyondInfinityCountAsTheFormatSays() {
        // Around +Infinity: the 100,001 finite inputs below it are all past exp's overflow threshold
        // (88.72), whose correctly rounded result, Infinity, counts an error of 0.5 (bin (0, 0.5]); then
        // Infinity itself and 100,001 positive NaNs, exact (bin 0). The planted backend is not judged here.
        long first = ordinal(Float.POSITIVE_INFINITY) - SPAN / 2;
        ByteBuffer in = buffer();
        ByteBuffer out = buffer();
        for (int i = 0; i < SPAN; i++) {
            float x = Float.intBitsToFloat(ExhaustiveDomain.float32Bits(first + i));
            in.putFloat(i * 4, x);
            out.putFloat(i * 4, (float) Math.exp(x));
        }
        Accuracy a = accuracy(judge.judge(in, List.of(out), new int[] {0}, 1, SPAN, 0).accuracy[0]);
        assertEquals(SPAN / 2 + 1, a.histogram().get(0).count());
        assertEquals(SPAN / 2, a.histogram().get(1).count());
        assertEquals(0.5, a.maxUlp());
        assertEquals(1.0, a.correctlyRounded());
        assertTrue(a.worst().stream().allMatch(w -> w.ulp() == 0.5), a.worst().toString());
        // The worst of equal errors are the earliest inputs: the first five.
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), a.worst().stream().map(w -> w.index()).toList());
    }

    @Test
    void theBinadeKeyIsEqualOnlyWithinOneBinade() {
        // Neighbouring float32 bit patterns across every boundary: the exponent field's steps, the
        // subnormals' leading-bit steps, zero, and infinity to NaN.
        for (int sign : new int[] {0, 0x80000000}) {
            for (int bits = 0; bits < 0x7f800000; bits += 0x00400000) {
                for (int d = -2; d <= 2; d++) {
                    checkNeighbours(sign | Math.max(0, bits + d), sign | Math.max(0, bits + d + 1));
                }
            }
            for (int lead = 0; lead < 23; lead++) {
                checkNeighbours(sign | ((1 << lead) - 1), sign | (1 << lead));
                checkNeighbours(sign | (1 << lead), sign | ((1 << lead) + 1));
            }
            checkNeighbours(sign | 0x7f7fffff, sign | 0x7f800000);
            checkNeighbours(sign | 0x7f800000, sign | 0x7f800001);
        }
    }

    /** Equal keys only where the binary exponents agree (JDK's Math.getExponent on the double value), or both in the no-binade bin. */
    private static void checkNeighbours(int a, int b) {
        if (ChunkJudge.binadeKey(a) == ChunkJudge.binadeKey(b)) {
            assertEquals(bin(Float.intBitsToFloat(a)), bin(Float.intBitsToFloat(b)), Integer.toHexString(a) + " " + Integer.toHexString(b));
        }
    }

    private static int bin(float f) {
        return f == 0 || !Float.isFinite(f) ? Integer.MAX_VALUE : Math.getExponent((double) f);
    }

    private static Accuracy accuracy(AccuracyAccumulator a) {
        return a.toAccuracy(i -> List.of(Long.toString(i)), i -> new ExactDecimal(Long.toString(i), 1), true);
    }

    private static long ordinal(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits >= 0 ? bits : ~(bits & Integer.MAX_VALUE);
    }

    private static ByteBuffer buffer() {
        return ByteBuffer.allocateDirect(SPAN * 4).order(ByteOrder.LITTLE_ENDIAN);
    }
}
