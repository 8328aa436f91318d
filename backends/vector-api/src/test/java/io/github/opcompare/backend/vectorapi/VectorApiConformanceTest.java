package io.github.opcompare.backend.vectorapi;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** The conformance kit against the Vector API, in this JVM and in a forked worker started as the descriptor says. */
class VectorApiConformanceTest extends BackendConformance {

    /**
     * The executor for the checks in this JVM, its add already compiled by C2. Until C2 compiles
     * them, Vector API calls run boxed in the interpreter, tens of times slower: the kit's timing
     * check calibrates its batches on the first calls and expects the pace to hold, which the
     * plugin ensures with its JIT warm-up (jitWarmup) and this test with a few thousand calls.
     */
    @Override
    protected OpExecutor executor() {
        VectorApiExecutor executor = new VectorApiExecutor();
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            ByteBuffer operand = ByteBuffer.allocate(16 * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            try (PreparedCall add = executor.prepare(Op.ADD, dtype, List.of(operand, operand), 16)) {
                for (int i = 0; i < 200_000; i++) {
                    add.call();
                }
            } catch (UnsupportedOpException e) {
                throw new AssertionError(e);
            }
        }
        return executor;
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(VectorApiWorker.class, List.of("--add-modules", "jdk.incubator.vector", "-XX:+UnlockExperimentalVMOptions", "-Xbatch"));
    }
}
