package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.WorkerServer;

/** The ND4J worker process: serves the worker protocol with {@link Nd4jExecutor}. */
public final class Nd4jWorker {
    private Nd4jWorker() {
    }

    public static void main(String[] args) {
        NativeStdout.redirectToStderr();
        WorkerServer.main(Nd4jExecutor::new);
    }
}
