package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.opcompare.worker.dtype.DType;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The low-part and scale columns exist only once a nonzero value is set; reads are the same either
 * way. Pass numbers are stored in a byte: every one a byte holds reads back, any other is refused.
 * Results allocated on two threads read as new ones.
 */
class ExactResultsTest {
    @Test
    void absentColumnsReadAsPositiveZero() {
        ExactResults r = new ExactResults(DType.FLOAT32, 3);
        r.setFirstPass(0, 1.0f, 1.0000000001);
        r.set(1, 2.0, 2.0, 0.0, 0, 2);
        assertEquals(0L, Double.doubleToRawLongBits(r.exactLo(0)));
        assertEquals(0L, Double.doubleToRawLongBits(r.exactLo(2)));
        assertEquals(0, r.exactScale(1));
        assertEquals(1, r.pass(0));
        assertEquals(2, r.pass(1));
        assertEquals(new ExactValue(1.0000000001, 0.0, 0), r.exact(0));
    }

    @Test
    void negativeZeroAndNonzeroPartsAreKept() {
        ExactResults r = new ExactResults(DType.FLOAT32, 3);
        r.set(0, 1.0, 1.0, -0.0, 0, 0);
        r.set(1, 1.0, 1.0, 0x1p-60, -5, 0);
        r.setFirstPass(2, 3.0, 3.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.exactLo(0)));
        assertEquals(0x1p-60, r.exactLo(1));
        assertEquals(-5, r.exactScale(1));
        assertEquals(0, r.exactScale(0));
        assertEquals(0L, Double.doubleToRawLongBits(r.exactLo(2)));
    }

    @Test
    void columnsCreatedWhileManyThreadsSetKeepEveryValue() {
        for (int round = 0; round < 20; round++) {
            int n = 50_000;
            ExactResults r = new ExactResults(DType.FLOAT32, n);
            IntStream.range(0, n).parallel().forEach(i -> r.set(i, i, i, i + 0.5, i % 7 - 3, 1));
            for (int i = 0; i < n; i++) {
                assertEquals(i + 0.5, r.exactLo(i), "lo at " + i);
                assertEquals(i % 7 - 3, r.exactScale(i), "scale at " + i);
            }
        }
    }

    @Test
    void everyPassNumberAByteHoldsReadsBackAndOthersAreRefused() {
        ExactResults r = new ExactResults(DType.FLOAT32, 128);
        for (int p = 0; p <= 127; p++) {
            r.set(p, 1.0, 1.0, 0.0, 0, p);
        }
        for (int p = 0; p <= 127; p++) {
            assertEquals(p, r.pass(p));
        }
        assertEquals(125, r.escalations());
        assertThrows(IllegalArgumentException.class, () -> r.set(0, 1.0, 1.0, 0.0, 0, 128));
        assertThrows(IllegalArgumentException.class, () -> r.set(0, 1.0, 1.0, 0.0, 0, 256));
        assertThrows(IllegalArgumentException.class, () -> r.set(0, 1.0, 1.0, 0.0, 0, -1));
    }

    @Test
    void resultsAllocatedOnTwoThreadsReadAsNewOnes() {
        for (int n : new int[] {0, 5, (1 << 16) - 1, 1 << 16, 1_000_003}) {
            ExactResults r = ExactResults.allocatedInParallel(DType.FLOAT64, n);
            assertEquals(DType.FLOAT64, r.dtype());
            assertEquals(n, r.length());
            assertEquals(n, r.roundedValues().array().length);
            for (int i = 0; i < n; i += Math.max(1, n / 1000)) {
                assertEquals(0L, Double.doubleToRawLongBits(r.rounded(i)));
                assertEquals(new ExactValue(0.0, 0.0, 0), r.exact(i));
                assertEquals(0, r.pass(i));
            }
            if (n > 0) {
                r.setFirstPass(n - 1, 2.0, 2.5);
                assertEquals(2.0, r.rounded(n - 1));
                assertEquals(2.5, r.exactHi(n - 1));
                assertEquals(1, r.pass(n - 1));
            }
        }
    }
}
