package io.github.opcompare.backend.commonsmath;

import io.github.opcompare.worker.WorkerServer;

/** Worker main for the {@code commons-math} backend. */
public final class CommonsMathWorker {
    private CommonsMathWorker() {
    }

    public static void main(String[] args) {
        WorkerServer.main(CommonsMathExecutor::new);
    }
}
