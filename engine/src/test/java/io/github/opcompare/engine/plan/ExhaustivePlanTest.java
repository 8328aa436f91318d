package io.github.opcompare.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExhaustivePlanTest {
    private static final long GIB = 1L << 30;

    @Test
    void allOfFloat32IsASweepWhateverTheHeap() {
        // 2^32 values would need hundreds of GiB as one case; as a sweep it needs one chunk.
        List<PlannedCase> planned = Planner.plan(List.of(new CaseSpec(null, "exp", List.of("float32"), "exhaustive", 1, 0)), GIB);
        assertTrue(planned.get(0).sweep().isPresent());
        assertEquals(1L << 32, planned.get(0).sweep().get().count(planned.get(0).dtype()));
    }

    @Test
    void aSmallRangeIsAnOrdinaryCase() {
        // [1, 2] in float32: 2^23 + 1 values, fewer than a case holds.
        List<PlannedCase> planned = Planner.plan(List.of(new CaseSpec(null, "exp", List.of("float32"), "exhaustive(1,2)", 1, 0)),
                16 * GIB);
        assertFalse(planned.get(0).sweep().isPresent());
    }

    @Test
    void aSweepNeedsAUnaryElementwiseOpAndFloat32() {
        IllegalArgumentException binary = assertThrows(IllegalArgumentException.class, () -> Planner.plan(
                List.of(new CaseSpec(null, "add", List.of("float32"), "exhaustive;exhaustive", 1, 0)), GIB));
        assertEquals("Invalid case 1: 'exhaustive' has 4294967296 values of float32, more than the 50000000 a case holds;"
                + " such domains are swept in chunks, which needs a unary elementwise op, and 'add' is not one:"
                + " narrow it with exhaustive(lo,hi)", binary.getMessage());
        IllegalArgumentException float64 = assertThrows(IllegalArgumentException.class, () -> Planner.plan(
                List.of(new CaseSpec(null, "exp", List.of("float64"), "exhaustive(1,2)", 1, 0)), GIB));
        // [1, 2] in float64: 2^52 + 1 values.
        assertEquals("Invalid case 1: 'exhaustive(1,2)' has 4503599627370497 values of float64, more than the 50000000 a case"
                + " holds; sweeps in chunks cover float32 (up to 2^32 values); for float64 narrow it with exhaustive(lo,hi)"
                + " or sample it with binades(lo,hi)", float64.getMessage());
    }

    @Test
    void allOfFloat64IsAConfigurationErrorNotAnEmptyCase() {
        // It used to plan an empty case (2^64 wrapped to 0) that stopped the build with "cannot tile an empty input".
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class, () -> Planner.plan(
                List.of(new CaseSpec("every-double", "exp", List.of("float64"), "exhaustive", 1, 0)), GIB));
        assertEquals("Invalid case 1 ('every-double'): 'exhaustive' has 2^64 values of float64, more than the 50000000 a case"
                + " holds; sweeps in chunks cover float32 (up to 2^32 values); for float64 narrow it with exhaustive(lo,hi)"
                + " or sample it with binades(lo,hi)", all.getMessage());
        // More than 2^63 but not a power of two: written out. 2 * 0x7e37e43c8800759c + 2 (1e300's bit pattern, by Python's struct).
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> Planner.plan(
                List.of(new CaseSpec(null, "exp", List.of("float64"), "exhaustive(-1e300,1e300)", 1, 0)), GIB));
        assertTrue(wide.getMessage().startsWith("Invalid case 1: 'exhaustive(-1e300,1e300)' has 18189977842257816378 values of"
                + " float64, more than"), wide.getMessage());
    }

    @Test
    void aRangeThatHoldsNoValueOfTheDtypeIsAConfigurationError() {
        // 1 and 1 + 2^-7 are neighbours in bfloat16: nothing lies in [1.0001, 1.0002]. Such a case used to reach the
        // run with no inputs at all.
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Planner.plan(
                List.of(new CaseSpec(null, "exp", List.of("float32", "bfloat16"), "exhaustive(1.0001,1.0002)", 1, 0)), GIB));
        assertEquals("Invalid case 1: 'exhaustive(1.0001,1.0002)' holds no value of bfloat16 (none lies between its bounds);"
                + " widen the range", none.getMessage());
    }
}
