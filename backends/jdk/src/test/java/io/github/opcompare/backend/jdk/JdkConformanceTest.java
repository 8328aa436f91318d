package io.github.opcompare.backend.jdk;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import io.github.opcompare.worker.dtype.DType;
import java.util.Set;

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

    /** Java has no 16-bit floating-point arithmetic: answered unsupported, never computed in float and rounded. */
    @Override
    protected Set<DType> dtypesWithoutArithmetic() {
        return Set.of(DType.FLOAT16, DType.BFLOAT16);
    }
}
