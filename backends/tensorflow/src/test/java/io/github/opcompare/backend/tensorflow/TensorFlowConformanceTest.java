package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;

/** The conformance kit against TensorFlow on the CPU, in this JVM and in a forked worker. */
class TensorFlowConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new TensorFlowExecutor();
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(TensorFlowWorker.class);
    }
}
