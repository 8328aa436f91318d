package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.worker.WorkerServer;

/** The TensorFlow worker process: serves the worker protocol with {@link TensorFlowExecutor}. */
public final class TensorFlowWorker {
    private TensorFlowWorker() {
    }

    public static void main(String[] args) {
        WorkerServer.main(TensorFlowExecutor::new);
    }
}
