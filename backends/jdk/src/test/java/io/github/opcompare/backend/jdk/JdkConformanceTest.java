package io.github.opcompare.backend.jdk;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;

/** The conformance kit against java.lang.Math, in this JVM and in a forked worker. */
class JdkConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new JdkExecutor(false);
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(JdkWorker.class);
    }
}
