package io.github.opcompare.engine.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every catalog entry is usable by naming only the op: its default domain plans and its reference computes. */
class OpCatalogTest {
    @ParameterizedTest
    @EnumSource(Op.class)
    void defaultDomainPlansAndHasAReference(Op op) {
        int size = op.kind() == OpKind.MATRIX ? 64 : 200;
        List<PlannedCase> planned = Planner.plan(List.of(new CaseSpec(null, op.id(), List.of("float32", "float64"), null, size, 7)));
        assertEquals(2, planned.size());
        for (PlannedCase c : planned) {
            List<Values> inputs = InputPlan.generate(c.domains(), c.dtype(), c.size(), c.seed());
            ExactResults exact = new ReferenceCalculator().compute(op, c.dtype(), inputs);
            assertEquals(op.outputLength(inputs.get(0).length()), exact.length());
            for (int i = 0; i < exact.length(); i++) {
                // Default domains stay where the op is defined: no NaN results.
                assertFalse(Double.isNaN(exact.rounded(i)), op + " " + c.dtype() + " output " + i);
            }
        }
    }

    @Test
    void matmulTakesSquareLengths() {
        assertTrue(Op.MATMUL.lengthProblem(49).isEmpty());
        assertTrue(Op.MATMUL.lengthProblem(50).isPresent());
        assertTrue(Op.ADD.lengthProblem(50).isEmpty());
        assertEquals(7, Op.matrixSide(49));
        assertEquals(7, Op.matrixSide(63));
        // Timing sizes 10^3, 10^5, 10^7 are not squares: the nearest are 32², 316², 3162².
        assertEquals(1024, Op.MATMUL.nearestValidLength(1000));
        assertEquals(99856, Op.MATMUL.nearestValidLength(100_000));
        assertEquals(9998244, Op.MATMUL.nearestValidLength(10_000_000));
        assertEquals(1000, Op.EXP.nearestValidLength(1000));
    }
}
