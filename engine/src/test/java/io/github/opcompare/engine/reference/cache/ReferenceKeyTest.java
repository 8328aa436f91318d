package io.github.opcompare.engine.reference.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceKeyTest {
    private static final double[] X = {0.5, -0.0, 3.0, Double.NaN};

    private static ReferenceKey key(String version, String op, String dtype, List<String> domains, long seed, int size,
            double[]... inputs) {
        List<Values> values = java.util.Arrays.stream(inputs).map(a -> new Values(DType.FLOAT64, a)).toList();
        return ReferenceKey.of(version, op, dtype, domains, seed, size, values);
    }

    private static ReferenceKey base() {
        return key("1.0", "exp", "float64", List.of("uniform(0,1)"), 7, 4, X.clone());
    }

    @Test
    void theSamePartsGiveTheSameKey() {
        assertEquals(base(), base());
        assertEquals(base().hex(), base().hex());
        assertEquals(64, base().hex().length());
    }

    @Test
    void everyPartChangesTheKey() {
        Set<String> keys = new HashSet<>();
        keys.add(base().hex());
        keys.add(key("1.1", "exp", "float64", List.of("uniform(0,1)"), 7, 4, X.clone()).hex());
        keys.add(key("1.0", "log", "float64", List.of("uniform(0,1)"), 7, 4, X.clone()).hex());
        keys.add(key("1.0", "exp", "float32", List.of("uniform(0,1)"), 7, 4, X.clone()).hex());
        keys.add(key("1.0", "exp", "float64", List.of("uniform(0,2)"), 7, 4, X.clone()).hex());
        keys.add(key("1.0", "exp", "float64", List.of("uniform(0,1)"), 8, 4, X.clone()).hex());
        keys.add(key("1.0", "exp", "float64", List.of("uniform(0,1)"), 7, 5, X.clone()).hex());
        assertEquals(7, keys.size());
    }

    @Test
    void partsDoNotRunIntoEachOther() {
        // Without length prefixes both would hash "ab" + "c".
        assertNotEquals(key("1.0", "add", "float64", List.of("ab", "c"), 7, 4, X.clone(), X.clone()),
                key("1.0", "add", "float64", List.of("a", "bc"), 7, 4, X.clone(), X.clone()));
        // Two operands of 2 are not one of 4.
        assertNotEquals(key("1.0", "add", "float64", List.of("d"), 7, 4, new double[] {1, 2}, new double[] {3, 4}),
                key("1.0", "add", "float64", List.of("d"), 7, 4, new double[] {1, 2, 3, 4}));
    }

    @Test
    void everyInputBitCounts() {
        double[] lastBit = X.clone();
        lastBit[0] = Math.nextUp(0.5);
        assertNotEquals(base(), key("1.0", "exp", "float64", List.of("uniform(0,1)"), 7, 4, lastBit));
        double[] positiveZero = X.clone();
        positiveZero[1] = 0.0;
        assertNotEquals(base(), key("1.0", "exp", "float64", List.of("uniform(0,1)"), 7, 4, positiveZero));
        double[] otherNaN = X.clone();
        otherNaN[3] = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);
        assertNotEquals(base(), key("1.0", "exp", "float64", List.of("uniform(0,1)"), 7, 4, otherNaN));
    }

    @Test
    void aPlannedCaseIsKeyedByItsOwnParts() {
        PlannedCase planned = Planner.plan(List.of(new CaseSpec(null, "exp", List.of("float32"), "uniform(0,1)", 4, 7))).get(0);
        List<Values> inputs = List.of(new Values(DType.FLOAT32, new double[] {0.5, 0.25, 0.125, 1}));
        assertEquals(ReferenceKey.of("1.0", "exp", "float32", List.of("uniform(0,1)"), 7, 4, inputs),
                ReferenceKey.of("1.0", planned, inputs));
    }
}
