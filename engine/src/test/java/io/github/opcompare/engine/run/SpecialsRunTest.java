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
        return c.specials().stream().filter(s -> s.inputs().equals(List.of(inputs))).findFirst().orElseThrow();
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
    void noSpecialsForAReduction() throws Exception {
        // The java-math worker has no reduce_sum: the case is unsupported on both, and specials are not run.
        CaseResult sum = run("reduce_sum", "uniform(0,1)").cases().get(0);
        assertNull(sum.specials());
    }
}
