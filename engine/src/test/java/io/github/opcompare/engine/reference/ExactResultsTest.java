package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.worker.dtype.DType;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The low-part and scale columns exist only once a nonzero value is set; reads are the same either way. */
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
}
