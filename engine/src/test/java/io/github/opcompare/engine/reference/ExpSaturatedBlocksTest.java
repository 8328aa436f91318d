package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * exp's blocks of arguments so large that the exact value's scale saturates are settled once per
 * block ({@link ElementaryReference#sameForAll}). The threshold by hand: k = rint(x / ln 2) reaches
 * 2^30 from x = (2^30 - 1/2) ln 2 = 744261117.608... on; the float32 values there are 64 apart, so
 * 744261120 (x / ln 2 = 2^30 + 2.95) is the first whose k saturates and 744261056 (2^30 - 89.4) is not.
 */
class ExpSaturatedBlocksTest {
    private final ElementaryReference elementary = new ElementaryReference(ReferenceSettings.DEFAULT);
    private final ReferenceCalculator reference = new ReferenceCalculator();

    @Test
    void aBlockFromTheFirstSaturatedFloatOnIsOneElement() {
        ExactElement up = elementary.sameForAll(Op.EXP, floats(744261120f, 4096, true), 0, 4096, DType.FLOAT32);
        assertNotNull(up);
        assertEquals(Double.POSITIVE_INFINITY, up.rounded());
        assertEquals(new ExactValue(1.0, 0.0, 1 << 30), up.exact());
        ExactElement down = elementary.sameForAll(Op.EXP, floats(-744261120f, 4096, true), 0, 4096, DType.FLOAT32);
        assertNotNull(down);
        assertEquals(0.0, down.rounded());
        assertEquals(new ExactValue(1.0, 0.0, -(1 << 30)), down.exact());
    }

    @Test
    void aBlockWithOneUnsaturatedNaNInfiniteOrOtherSignedArgumentIsLeftToTheElements() {
        assertNull(elementary.sameForAll(Op.EXP, floats(744261056f, 4096, true), 0, 4096, DType.FLOAT32));
        assertNull(elementary.sameForAll(Op.EXP, floats(-744261056f, 4096, false), 0, 4096, DType.FLOAT32));
        double[] x = floats(1e30f, 16, true);
        for (double odd : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e30, 0.0, -0.0}) {
            double[] y = x.clone();
            y[7] = odd;
            assertNull(elementary.sameForAll(Op.EXP, y, 0, y.length, DType.FLOAT32), "with " + odd);
        }
        assertNull(elementary.sameForAll(Op.LOG, x, 0, x.length, DType.FLOAT32));
    }

    @Test
    void everyOutputAroundTheThresholdAndTheTopOfTheRangeIsWhatElementGives() {
        // Through the threshold (the middle block of 4096 holds both kinds); down from ±MAX_VALUE; and
        // up through ±MAX_VALUE into ±Infinity and the NaNs beyond, each a special value of its own.
        float below = 744261056f - 64 * 6000;
        float nearTop = Math.nextDown(Math.nextDown(Float.MAX_VALUE));
        float[] starts = {below, -below, Float.MAX_VALUE, -Float.MAX_VALUE, nearTop, -nearTop};
        boolean[] away = {true, true, false, false, true, true};
        for (int s = 0; s < starts.length; s++) {
            double[] x = floats(starts[s], 12_000, away[s]);
            ExactResults batch = reference.compute(Op.EXP, DType.FLOAT32, List.of(new Values(DType.FLOAT32, x)));
            for (int i = 0; i < x.length; i++) {
                ExactElement e = reference.element(Op.EXP, DType.FLOAT32, x[i], 0);
                String at = "exp at " + x[i];
                assertEquals(Double.doubleToRawLongBits(e.rounded()), Double.doubleToRawLongBits(batch.rounded(i)), at);
                assertEquals(Double.doubleToRawLongBits(e.exact().hi()), Double.doubleToRawLongBits(batch.exactHi(i)), at);
                assertEquals(Double.doubleToRawLongBits(e.exact().lo()), Double.doubleToRawLongBits(batch.exactLo(i)), at);
                assertEquals(e.exact().scale(), batch.exactScale(i), at);
                assertEquals(e.pass(), batch.pass(i), at);
            }
        }
    }

    /** n consecutive float32 bit patterns from start, away from zero (magnitude up) or towards it. */
    private static double[] floats(float start, int n, boolean awayFromZero) {
        double[] x = new double[n];
        int bits = Float.floatToRawIntBits(start);
        for (int i = 0; i < n; i++) {
            x[i] = Float.intBitsToFloat(bits + (awayFromZero ? i : -i));
        }
        return x;
    }
}
