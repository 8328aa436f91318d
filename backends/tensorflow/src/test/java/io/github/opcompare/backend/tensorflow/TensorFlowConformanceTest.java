package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;

/** The conformance kit against TensorFlow on the CPU, in this JVM and in a forked worker. */
class TensorFlowConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new TensorFlowExecutor();
    }

    /** The pom runs the kit once per tested library version (its version-conformance executions). */
    @Override
    protected boolean runsPerLibraryVersion() {
        return true;
    }

    /**
     * TensorFlow 2.10 (TF Java 0.5.0) runs its float32 and float64 CPU kernels with subnormal inputs
     * read as zero: neg(2^-149) is 0 there, -2^-149 from 2.16 on. Measured, not assumed: the kit's
     * bit round trip through neg found it, and a version comparison shows it.
     */
    @Override
    protected boolean flushesSubnormalInputs(DType dtype) {
        return org.tensorflow.TensorFlow.version().startsWith("2.10.") && (dtype == DType.FLOAT32 || dtype == DType.FLOAT64);
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(TensorFlowWorker.class);
    }
}
