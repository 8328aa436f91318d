package io.github.opcompare.backend.jdk;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;

/** The conformance kit against StrictMath, the jdk-strict backend (the same worker, started with OPCOMPARE_JDK_MATH=strict). */
class JdkStrictConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new JdkExecutor(true);
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(JdkWorker.class).withEnvironment(JdkWorker.MODE_VARIABLE, "strict");
    }
}
