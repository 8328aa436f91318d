package io.github.opcompare.engine.run;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.cache.ReferenceCache;
import io.github.opcompare.engine.reference.cache.ReferenceKey;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.util.List;

/**
 * A case's exact reference, from the on-disk cache when it holds one and computed (then stored)
 * otherwise. The cache can only save time: an unusable file is computed again with a warning, a
 * cache that cannot be written costs a warning, and neither stops the run.
 */
final class CachedReference {
    /** What computes a reference; a seam so that tests can count the computations. */
    @FunctionalInterface
    interface Computation {
        ExactResults compute(Op op, DType dtype, List<Values> inputs);
    }

    private final ReferenceCache cache;
    private final String opcompareVersion;
    private final Computation computation;
    private final RunListener listener;

    /** @param cache null for no cache */
    CachedReference(ReferenceCache cache, String opcompareVersion, Computation computation, RunListener listener) {
        this.cache = cache;
        this.opcompareVersion = opcompareVersion;
        this.computation = computation;
        this.listener = listener;
    }

    ExactResults get(PlannedCase planned, List<Values> inputs) {
        if (cache == null) {
            return computation.compute(planned.op(), planned.dtype(), inputs);
        }
        ReferenceKey key = ReferenceKey.of(String.valueOf(opcompareVersion), planned, inputs);
        int length = planned.op().outputLength(inputs.get(0).length());
        ReferenceCache.Lookup lookup = cache.load(key, planned.dtype(), length);
        if (lookup.hit()) {
            listener.referenceCached(planned);
            return lookup.results();
        }
        if (lookup.problem() != null) {
            listener.warning(planned.label() + ": the cached reference " + lookup.problem() + "; computing it again");
        }
        ExactResults exact = computation.compute(planned.op(), planned.dtype(), inputs);
        try {
            cache.store(key, exact);
        } catch (IOException | RuntimeException e) {
            listener.warning(planned.label() + ": the reference could not be cached in " + cache.dir() + ": " + e);
        }
        return exact;
    }
}
