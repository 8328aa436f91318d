package io.github.opcompare.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    @Test
    void oneConfiguredCaseBecomesOnePlannedCasePerDtype() {
        List<PlannedCase> planned = Planner.plan(List.of(
                new CaseSpec("seed-sqrt", "sqrt", List.of("float32,float64"), "range(0,100)", 10, 1)));
        assertEquals(2, planned.size());
        assertEquals("seed-sqrt/float32", planned.get(0).label());
        assertEquals(DType.FLOAT64, planned.get(1).dtype());
        assertEquals(Op.SQRT, planned.get(1).op());
    }

    @Test
    void idsAreDerivedFromTheOpAndNeverCollideWithExplicitOnes() {
        List<PlannedCase> planned = Planner.plan(List.of(
                new CaseSpec(null, "exp", List.of(), "uniform(0,1)", 10, 1),
                new CaseSpec("exp-2", "exp", List.of(), "uniform(1,2)", 10, 1),
                new CaseSpec(null, "exp", List.of(), "uniform(2,3)", 10, 1)));
        assertEquals(List.of("exp", "exp-2", "exp-3"), planned.stream().map(PlannedCase::id).toList());
        assertEquals(DType.FLOAT32, planned.get(0).dtype());
    }

    @Test
    void unknownOpNamesTheCulpritAndListsTheValidOps() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Planner.plan(List.of(new CaseSpec(null, "sqrtt", List.of(), "range(0,100)", 10, 1))));
        assertTrue(e.getMessage().startsWith("Invalid case 1: Unknown op 'sqrtt'; valid ops are: abs, neg, square"), e.getMessage());
    }

    @Test
    void wrongOperandCountSaysHowManyTheOpTakes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Planner.plan(List.of(new CaseSpec("m", "maximum", List.of(), "uniform(0,1)", 10, 1))));
        assertEquals("Invalid case 1 ('m'): op 'maximum' takes 2 operands, but <inputs> 'uniform(0,1)' gives 1"
                + " (separate operands with ';', e.g. uniform(-1,1);uniform(-1,1))", e.getMessage());
    }

    @Test
    void sizeMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Planner.plan(List.of(new CaseSpec(null, "exp", List.of(), "uniform(0,1)", 0, 1))));
        assertEquals("Invalid case 1: <size> is 0, but it must be at least 1", e.getMessage());
    }

    @Test
    void unknownDtypeListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Planner.plan(List.of(new CaseSpec(null, "exp", List.of("float32,float128"), "uniform(0,1)", 5, 1))));
        assertEquals("Invalid case 1: Unknown dtype 'float128'; valid dtypes are: float16, bfloat16, float32, float64", e.getMessage());
    }

    @Test
    void duplicateIdsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Planner.plan(List.of(
                new CaseSpec("a", "exp", List.of(), "uniform(0,1)", 5, 1),
                new CaseSpec("a", "log", List.of(), "uniform(1,2)", 5, 1))));
        assertEquals("Two cases have the id 'a'; case ids must be unique", e.getMessage());
    }

    @Test
    void theDefaultSuitePlansTheClassicQuestion() {
        List<String> labels = Planner.plan(DefaultSuite.cases()).stream().map(PlannedCase::label).toList();
        assertEquals(List.of("sqrt/float32", "exp/float16", "exp/bfloat16", "exp/float32", "exp/float64", "log/float32", "log/float64", "sin/float32",
                "sin/float64", "tanh/float32", "tanh/float64", "maximum/float32", "reduce_sum/float32", "reduce_max/float32"),
                labels);
    }
}
