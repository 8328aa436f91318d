package io.github.opcompare.backend.hipparchus;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import io.github.opcompare.worker.op.Op;

/** The conformance kit against Hipparchus' FastMath, in this JVM and in a forked worker. */
class HipparchusConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new HipparchusExecutor();
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(HipparchusWorker.class);
    }

    /** FastMath has no arithmetic (its users write Java's operators): the plumbing checks run its max. */
    @Override
    protected Op plumbingOp() {
        return Op.MAXIMUM;
    }
}
