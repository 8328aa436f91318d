package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SpecialValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Special inputs through real forked workers: java.lang.Math behind the protocol, one with a planted error at 1. */
class SpecialsRunTest {
    @TempDir
    Path dir;

    private Results run(String op, String inputs) throws Exception {
        var cases = Planner.plan(List.of(new CaseSpec(null, op, List.of("float32"), inputs, 10, 7)));
        return new ComparisonRunner(FaultyRuns.settings(dir, Duration.ofSeconds(60)), FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, List.of(
                new BackendDescriptor("right", "java-math", "cpu", "unused", Map.of()),
                new BackendDescriptor("wrong", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_WRONG_AT", "1.0"))));
    }

    private static SpecialValue row(CaseResult c, String... inputs) {
        String text = String.join(", ", inputs);
        return c.specials().stream().filter(s -> s.inputsText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void sqrtOfTheFifteenSpecialValuesAsIeeePrescribes() throws Exception {
        CaseResult sqrt = run("sqrt", "uniform(0,1)").cases().get(0);
        assertEquals(15, sqrt.specials().size());
        // IEEE 754: sqrt(-0) = -0, sqrt of a negative number is NaN, sqrt(+Inf) = +Inf, sqrt(NaN) = NaN.
        assertEquals("-0.0", row(sqrt, "-0.0").expected());
        assertEquals("NaN", row(sqrt, "-1.0").expected());
        assertEquals("Infinity", row(sqrt, "Infinity").expected());
        assertEquals("NaN", row(sqrt, "NaN").expected());
        // The smallest subnormal 2^-149: its square root 2^-74.5 = 2^-74 / √2 = 3.74339213e-23, which
        // rounds to the float32 3.743392E-23.
        assertEquals("3.743392E-23", row(sqrt, "1.4E-45").expected());
        // The planted error: sqrt(1) one step up, only on "wrong", and only there.
        SpecialValue one = row(sqrt, "1.0");
        assertEquals("1.0", one.expected());
        assertEquals("1.0000001", one.actual().get("wrong"));
        assertEquals(List.of("wrong"), one.mismatches());
        assertEquals(0L, sqrt.specialMismatches("right"));
        assertEquals(1L, sqrt.specialMismatches("wrong"));
    }

    @Test
    void aBinaryOpGetsEveryPairOfSpecials() throws Exception {
        CaseResult add = run("add", "uniform(0,1);uniform(0,1)").cases().get(0);
        assertEquals(225, add.specials().size());
        // IEEE 754 addition: Inf + -Inf is NaN; -0 + -0 = -0; -0 + +0 = +0 (round to nearest); max + max overflows.
        assertEquals("NaN", row(add, "Infinity", "-Infinity").expected());
        assertEquals("-0.0", row(add, "-0.0", "-0.0").expected());
        assertEquals("0.0", row(add, "-0.0", "0.0").expected());
        assertEquals("Infinity", row(add, "3.4028235E38", "3.4028235E38").expected());
        // 1 + -1 = +0 exactly; the planted error at x = 1 makes "wrong" return the next float up (MIN_VALUE).
        assertEquals("0.0", row(add, "1.0", "-1.0").expected());
        assertTrue(row(add, "1.0", "-1.0").mismatches().contains("wrong"));
        assertEquals(0L, add.specialMismatches("right"));
    }

    @Test
    void aReductionGetsSpecialVectorsAndThePlantedErrorIsFoundAtItsVector() throws Exception {
        CaseResult sum = run("reduce_sum", "uniform(0,1)").cases().get(0);
        assertEquals(8, sum.specials().size());
        // IEEE 754 addition, in any order: NaN propagates, Inf + -Inf is invalid, -0 + -0 = -0, -0 + +0 = +0.
        assertEquals("NaN", row(sum, "[1.0, NaN]").expected());
        assertEquals("NaN", row(sum, "[Infinity, -Infinity]").expected());
        assertEquals("Infinity", row(sum, "[Infinity, 1.0]").expected());
        assertEquals("-0.0", row(sum, "[-0.0, -0.0]").expected());
        assertEquals("0.0", row(sum, "[-0.0, 0.0]").expected());
        // 2 MAX is beyond float32: +Infinity. MAX + MAX - MAX is MAX exactly, which the double sum keeps.
        assertEquals("Infinity", row(sum, "[3.4028235E38, 3.4028235E38]").expected());
        SpecialValue cancel = row(sum, "[3.4028235E38, 3.4028235E38, -3.4028235E38]");
        assertEquals("3.4028235E38", cancel.expected());
        assertEquals("3.4028235E38", cancel.actual().get("right"));
        assertNull(cancel.output());
        // The planted error: a sum over a vector holding 1.0 one step up. Only [1, -1] = +0 shows it
        // (NaN and Infinity have no step up); the smallest float32 above 0 is 1.4E-45.
        SpecialValue planted = row(sum, "[1.0, -1.0]");
        assertEquals("0.0", planted.expected());
        assertEquals("1.4E-45", planted.actual().get("wrong"));
        assertEquals(List.of("wrong"), planted.mismatches());
        assertEquals(0L, sum.specialMismatches("right"));
        assertEquals(1L, sum.specialMismatches("wrong"));
        // The case's own inputs are positive and well conditioned: relative error is reported with them.
        assertEquals(1.0, sum.results().get(0).accuracy().conditionNumber(), 1e-9);
        assertEquals(0L, sum.results().get(0).accuracy().undefinedRelativeError());
        assertTrue(FaultyRuns.schemaErrors(dir.resolve("results.json")).isEmpty(), FaultyRuns.schemaErrors(dir.resolve("results.json")).toString());
    }

    @Test
    void anOpNoBackendRunsStillListsItsSpecialVectors() throws Exception {
        // The java-math worker has no softmax: no backend result, but the prescribed results are listed,
        // one row per output: softmax(-Inf, 0) = (0, 1) in any evaluation, e^-Inf being exactly 0.
        CaseResult softmax = run("softmax", "uniform(0,1)").cases().get(0);
        List<SpecialValue> rows = softmax.specials().stream().filter(s -> s.inputsText().equals("[-Infinity, 0.0]")).toList();
        assertEquals(2, rows.size());
        assertEquals(0, rows.get(0).output());
        assertEquals("0.0", rows.get(0).expected());
        assertEquals("1.0", rows.get(1).expected());
        assertTrue(rows.get(0).actual().isEmpty());
    }
}
