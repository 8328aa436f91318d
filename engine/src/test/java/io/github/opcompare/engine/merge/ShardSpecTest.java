package io.github.opcompare.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardSpecTest {
    private final List<PlannedCase> plan = Planner.plan(List.of(
            new CaseSpec(null, "sqrt", List.of("float32,float64"), "range(0,10)", 10, 42),
            new CaseSpec(null, "exp", List.of("float64"), "uniform(0,1)", 10, 42),
            new CaseSpec(null, "sin", List.of("float32,float64"), "uniform(0,1)", 10, 42)));

    private static List<String> labels(List<PlannedCase> cases) {
        return cases.stream().map(PlannedCase::label).toList();
    }

    @Test
    void casesAreDealtOutInTurnAndEveryCaseLandsInExactlyOnePart() {
        assertEquals(List.of("sqrt/float32", "exp/float64", "sin/float64"), labels(ShardSpec.parse("1/2").select(plan)));
        assertEquals(List.of("sqrt/float64", "sin/float32"), labels(ShardSpec.parse("2/2").select(plan)));
        assertEquals(List.of("sqrt/float64"), labels(ShardSpec.parse(" 2 / 4 ").select(plan)));
        assertEquals(List.of(), labels(ShardSpec.parse("7/7").select(plan)));
        assertEquals(labels(plan), labels(ShardSpec.parse("1/1").select(plan)));
    }

    @Test
    void theDescriptorRecordsThePartAndTheWholePlan() {
        var shard = ShardSpec.parse("2/3").describe(plan);
        assertEquals(2, shard.index());
        assertEquals(3, shard.count());
        assertEquals("case", shard.by());
        assertEquals(List.of("sqrt/float32", "sqrt/float64", "exp/float64", "sin/float32", "sin/float64"), shard.planned());
    }

    @Test
    void badDescriptorsNameTheCulpritAndTheForm() {
        assertNull(ShardSpec.parse(" "));
        assertEquals("Invalid shard 0/3; write i/n with 1 <= i <= n, e.g. 1/4",
                assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse("0/3")).getMessage());
        assertEquals("Invalid shard 3/2; write i/n with 1 <= i <= n, e.g. 1/4",
                assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse("3/2")).getMessage());
        assertEquals("Invalid shard 'half'; write i/n with 1 <= i <= n, e.g. 1/4",
                assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse("half")).getMessage());
    }
}
