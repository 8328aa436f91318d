package io.github.opcompare.engine.accuracy;

import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.opcompare.engine.result.BinadeError;
import io.github.opcompare.worker.data.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinadeProfileTest {
    @Test
    void inputsGroupByBinaryExponentOfTheirMagnitude() {
        Values x = new Values(FLOAT64, new double[] {1, 1.5, 3, 0.75, 0, -1.25, Double.MIN_VALUE, Double.NaN});
        double[] ulp = {0.5, 0.25, 1, 2, 0, Double.NaN, 0.5, 0};
        // By hand: 2^-1074 alone; 0.75 in [2^-1, 1); 1, 1.5 and -1.25 in [1, 2) (one undefined);
        // 3 in [2, 4); 0 and NaN in no binade, listed last.
        assertEquals(List.of(
                new BinadeError(-1074, 1, 0.5, 0.5, 0),
                new BinadeError(-1, 1, 2.0, 2.0, 0),
                new BinadeError(0, 3, 0.5, 0.375, 1),
                new BinadeError(1, 1, 1.0, 1.0, 0),
                new BinadeError(null, 2, 0.0, 0.0, 0)), BinadeProfile.of(x, ulp));
    }

    @Test
    void binadeWithOnlyUndefinedErrorsHasNoMaximum() {
        Values x = new Values(FLOAT64, new double[] {4});
        assertEquals(List.of(new BinadeError(2, 1, null, null, 1)), BinadeProfile.of(x, new double[] {Double.NaN}));
    }

    @Test
    void exponentCountsSubnormalsExactly() {
        assertEquals(-1074, BinadeProfile.exponent(Double.MIN_VALUE));
        assertEquals(-1023, BinadeProfile.exponent(0x1.8p-1023));
        assertEquals(-1022, BinadeProfile.exponent(Double.MIN_NORMAL));
        assertEquals(-127, BinadeProfile.exponent(-0x1p-127)); // a float32 subnormal is a normal double
    }

    @Test
    void lengthsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> BinadeProfile.of(new Values(FLOAT64, new double[] {1}), new double[2]));
    }
}
