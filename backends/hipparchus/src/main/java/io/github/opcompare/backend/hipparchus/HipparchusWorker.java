package io.github.opcompare.backend.hipparchus;

import io.github.opcompare.worker.WorkerServer;

/** Worker main for the {@code hipparchus} backend. */
public final class HipparchusWorker {
    private HipparchusWorker() {
    }

    public static void main(String[] args) {
        WorkerServer.main(HipparchusExecutor::new);
    }
}
