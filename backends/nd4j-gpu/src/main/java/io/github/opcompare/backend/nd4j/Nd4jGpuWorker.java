package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.WorkerServer;

/**
 * The nd4j-gpu worker process: serves the worker protocol with {@link Nd4jGpuExecutor}. It lives in
 * the ND4J worker's package (in its own jar) to reuse that worker's package-private parts.
 */
public final class Nd4jGpuWorker {
    private Nd4jGpuWorker() {
    }

    public static void main(String[] args) {
        NativeStdout.redirectToStderr();
        WorkerServer.main(Nd4jGpuExecutor::start);
    }
}
