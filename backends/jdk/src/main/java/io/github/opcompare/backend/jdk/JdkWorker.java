package io.github.opcompare.backend.jdk;

import io.github.opcompare.worker.WorkerServer;

/**
 * Worker main for the {@code jdk} and {@code jdk-strict} backends: {@code OPCOMPARE_JDK_MATH=strict}
 * selects {@link StrictMath}, anything else {@link Math}.
 */
public final class JdkWorker {
    public static final String MODE_VARIABLE = "OPCOMPARE_JDK_MATH";

    private JdkWorker() {
    }

    public static void main(String[] args) {
        boolean strict = "strict".equalsIgnoreCase(System.getenv(MODE_VARIABLE));
        WorkerServer.main(() -> new JdkExecutor(strict));
    }
}
