package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dtype-free settling test: whatever it accepts, float64's and float32's rounding decisions accept too. */
class RoundingCellsTest {
    @Test
    void acceptedIntervalsDecideFloat64AndFloat32() {
        SplittableRandom random = new SplittableRandom(5);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            double hi = Math.scalb(1 + random.nextDouble(), random.nextInt(-900, 900)) * (random.nextBoolean() ? 1 : -1);
            if (i % 4 == 0) {
                hi = Math.copySign(Math.scalb(1.0, random.nextInt(-900, 900)), hi); // powers of two: the cell halves below
            }
            double lo = Math.ulp(hi) * random.nextDouble(-0.5, 0.5);
            double bound = Math.scalb(1.0, random.nextInt(-70, -50));
            DoubleDouble v = DoubleDouble.fastTwoSum(hi, lo);
            if (RoundingCells.settlesEveryFormat(v, bound)) {
                accepted++;
                assertNotNull(RoundingDecision.decide(v.hi(), v.lo(), 0, bound, FLOAT64), hi + " + " + lo);
                assertNotNull(RoundingDecision.decide(v.hi(), v.lo(), 0, bound, FLOAT32), hi + " + " + lo);
            }
        }
        assertTrue(accepted > 10_000, "accepted " + accepted);
    }

    @Test
    void midpointsAndDoublesInsideAreRefused() {
        // 1 + 2^-53 is the midpoint between 1 and its successor; 1 itself is a double.
        assertFalse(RoundingCells.settlesEveryFormat(new DoubleDouble(1.0, 0x1p-53), 0x1p-80));
        assertFalse(RoundingCells.settlesEveryFormat(new DoubleDouble(1.0, 0x1p-90), 0x1p-80));
        // Below a power of two the spacing halves: 1 - 2^-54 is a midpoint there.
        assertFalse(RoundingCells.settlesEveryFormat(new DoubleDouble(1.0, -0x1p-54), 0x1p-80));
        assertTrue(RoundingCells.settlesEveryFormat(new DoubleDouble(1.0, -0x1p-55), 0x1p-80));
        assertTrue(RoundingCells.settlesEveryFormat(new DoubleDouble(1.5, 0x1p-54), 0x1p-80));
    }
}
