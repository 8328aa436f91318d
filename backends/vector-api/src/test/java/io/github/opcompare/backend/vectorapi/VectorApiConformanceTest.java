package io.github.opcompare.backend.vectorapi;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import java.util.List;

/** The conformance kit against the Vector API, in this JVM and in a forked worker started as the descriptor says. */
class VectorApiConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new VectorApiExecutor();
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(VectorApiWorker.class, List.of("--add-modules", "jdk.incubator.vector"));
    }
}
