package io.github.opcompare.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.Shard;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardSpecTest {
    private final List<PlannedCase> plan = Planner.plan(List.of(
            new CaseSpec(null, "sqrt", List.of("float32,float64"), "range(0,10)", 10, 42),
            new CaseSpec(null, "exp", List.of("float64"), "uniform(0,1)", 10, 42),
            new CaseSpec(null, "sin", List.of("float32,float64"), "uniform(0,1)", 10, 42)));

    private static final int CHUNK = 1 << 22;

    private static List<String> labels(List<PlannedCase> cases) {
        return cases.stream().map(PlannedCase::label).toList();
    }

    @Test
    void casesAreDealtOutInTurnAndEveryCaseLandsInExactlyOnePart() {
        assertEquals(List.of("sqrt/float32", "exp/float64", "sin/float64"), labels(ShardSpec.parse("1/2").select(plan, CHUNK)));
        assertEquals(List.of("sqrt/float64", "sin/float32"), labels(ShardSpec.parse("2/2").select(plan, CHUNK)));
        assertEquals(List.of("sqrt/float64"), labels(ShardSpec.parse(" 2 / 4 ").select(plan, CHUNK)));
        assertEquals(List.of(), labels(ShardSpec.parse("7/7").select(plan, CHUNK)));
        assertEquals(labels(plan), labels(ShardSpec.parse("1/1").select(plan, CHUNK)));
    }

    @Test
    void everyPartSweepsItsRangeOfEachSweepAndIsDealtItsShareOfTheOtherCases() {
        List<PlannedCase> withSweep = Planner.plan(List.of(
                new CaseSpec(null, "sqrt", List.of("float32,float64"), "range(0,10)", 10, 42),
                new CaseSpec(null, "exp", List.of("float32"), "exhaustive", 10, 42),
                new CaseSpec(null, "sin", List.of("float32"), "uniform(0,1)", 10, 42)));
        // The plan: sqrt/float32, sqrt/float64, exp/float32, sin/float32. Planned case k goes to part
        // k mod 2 + 1, except exp (k = 2), a sweep, which goes to both.
        assertEquals(List.of("sqrt/float32", "exp/float32"), labels(ShardSpec.parse("1/2").select(withSweep, CHUNK)));
        assertEquals(List.of("sqrt/float64", "exp/float32", "sin/float32"), labels(ShardSpec.parse("2/2").select(withSweep, CHUNK)));
        assertEquals(List.of("exp/float32"), labels(ShardSpec.parse("3/3").select(withSweep, CHUNK)));
        assertEquals(Shard.BY_CASE_AND_RANGE, ShardSpec.parse("1/2").describe(withSweep).by());
    }

    @Test
    void rangesAreWholeChunksThatCoverTheSweepOnce() {
        // 2^32 inputs are 1024 chunks of 2^22: 1024/3 = 341.3 and 2048/3 = 682.7, rounded down.
        long total = 1L << 32;
        assertEquals(new ShardSpec.Range(0, 341L << 22), ShardSpec.parse("1/3").range(total, CHUNK));
        assertEquals(new ShardSpec.Range(341L << 22, 682L << 22), ShardSpec.parse("2/3").range(total, CHUNK));
        assertEquals(new ShardSpec.Range(682L << 22, total), ShardSpec.parse("3/3").range(total, CHUNK));
        // 1005 inputs in chunks of 100 are 11 chunks, the last one short: 5 and 6 chunks.
        assertEquals(new ShardSpec.Range(0, 500), ShardSpec.parse("1/2").range(1005, 100));
        assertEquals(new ShardSpec.Range(500, 1005), ShardSpec.parse("2/2").range(1005, 100));
        // 20 parts of 11 chunks: 11·11/20 and 11·12/20 both round down to 6, so part 12 has none.
        assertEquals(0, ShardSpec.parse("12/20").range(1005, 100).size());
        assertEquals(100, ShardSpec.parse("13/20").range(1005, 100).size());
    }

    @Test
    void aPartWithNothingToRunSaysSo() {
        assertNull(ShardSpec.parse("5/5").nothingToDo(plan, CHUNK));
        assertEquals("shard 6/6 has nothing to run: the plan has 5 cases to deal out and no exhaustive sweep; use fewer shards"
                + " (this part's results file is empty, and merge accepts it)", ShardSpec.parse("6/6").nothingToDo(plan, CHUNK));
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
