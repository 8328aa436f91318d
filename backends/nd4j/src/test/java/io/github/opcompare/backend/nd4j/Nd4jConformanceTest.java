package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;

/** The conformance kit against ND4J on the CPU (nd4j-native), in this JVM and in a forked worker. */
class Nd4jConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new Nd4jExecutor();
    }

    /** The pom runs the kit once per tested library version (its version-conformance executions). */
    @Override
    protected boolean runsPerLibraryVersion() {
        return true;
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(Nd4jWorker.class);
    }
}
