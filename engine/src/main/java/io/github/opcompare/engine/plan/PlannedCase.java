package io.github.opcompare.engine.plan;

import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;
import java.util.List;
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
        return id + "/" + dtype.id();
    }

    public List<String> inputExpressions() {
        return domains.stream().map(InputDomain::expression).collect(Collectors.toList());
    }
}
