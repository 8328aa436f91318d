package io.github.opcompare.engine.plan;

import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.domain.ExhaustiveDomain;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A case bound to one dtype, validated and ready to run.
 *
 * @param id the case id (shared by the dtypes of one configured case)
 * @param domains one parsed domain per operand
 */
public record PlannedCase(String id, Op op, DType dtype, List<InputDomain> domains, int size, long seed) {

    /** How users and messages name it: {@code exp/float32}. */
    public String label() {
        return CaseResult.label(id, dtype.id());
    }

    /**
     * The exhaustive domain of a case with more inputs than one case holds in memory ({@link
     * Planner#MAX_SIZE}), which is swept in chunks; empty for every other case.
     */
    public Optional<ExhaustiveDomain> sweep() {
        return domains.size() == 1 && domains.get(0) instanceof ExhaustiveDomain e && e.count(dtype) > Planner.MAX_SIZE
                ? Optional.of(e) : Optional.empty();
    }

    public List<String> inputExpressions() {
        return domains.stream().map(InputDomain::expression).collect(Collectors.toList());
    }
}
