package io.github.opcompare.backend.vectorapi;

import io.github.opcompare.worker.WorkerServer;

/** Worker main for the {@code vector-api} backend; its JVM is started with {@code --add-modules jdk.incubator.vector}. */
public final class VectorApiWorker {
    private VectorApiWorker() {
    }

    public static void main(String[] args) {
        WorkerServer.main(VectorApiExecutor::new);
    }
}
