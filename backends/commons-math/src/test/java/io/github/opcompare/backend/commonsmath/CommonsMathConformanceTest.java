package io.github.opcompare.backend.commonsmath;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import io.github.opcompare.worker.op.Op;

/** The conformance kit against Commons Math's FastMath, in this JVM and in a forked worker. */
class CommonsMathConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new CommonsMathExecutor();
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(CommonsMathWorker.class);
    }

    /** FastMath has no arithmetic (its users write Java's operators): the plumbing checks run its max. */
    @Override
    protected Op plumbingOp() {
        return Op.MAXIMUM;
    }
}
