package io.github.opcompare.engine.check;

import io.github.opcompare.engine.merge.QualifiedBackend;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import java.util.List;
import java.util.Set;

/**
 * A checked rule: the results it covers and their limits. An empty set covers everything.
 *
 * @param number the rule's position in the configuration, from 1, for messages
 * @param backends backend ids without machine; in a merged file a rule covers the backend on every machine.
 *     An id without version ({@code tensorflow-cpu}) covers every version of it ({@code tensorflow-cpu@1.0.0})
 */
public record Rule(int number, Set<String> ops, Set<String> dtypes, Set<String> backends, List<Limit> limits) {

    public boolean covers(CaseResult c, BackendResult r) {
        return (ops.isEmpty() || ops.contains(c.op()))
                && (dtypes.isEmpty() || dtypes.contains(c.dtype()))
                && (backends.isEmpty() || covers(QualifiedBackend.parse(r.backend())));
    }

    private boolean covers(QualifiedBackend backend) {
        return backends.contains(backend.backend()) || backends.contains(backend.catalogId());
    }
}
