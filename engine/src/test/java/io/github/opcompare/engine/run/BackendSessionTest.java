package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.result.BackendInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendSessionTest {
    @TempDir
    Path logs;

    @Test
    void aWorkerThatRefusesToStartIsUnavailableWithItsOwnReasonOnce() {
        BackendDescriptor refusing = new BackendDescriptor("refusing", "java-math", "gpu", "none",
                Map.of("OPCOMPARE_TEST_REFUSE", "no usable /device:GPU:0"));
        BackendSession session = BackendSession.open(refusing, FaultyRuns.javaMathWorkers(), logs, Duration.ofSeconds(60));
        try {
            BackendInfo info = session.info();
            assertFalse(info.available());
            // The worker's reason, prefixed once by the worker's own "backend cannot start:"; not
            // wrapped again in "worker did not start:", which is kept for workers that die or hang.
            assertTrue(info.reason().startsWith(
                    "backend cannot start: java.lang.IllegalStateException: no usable /device:GPU:0"), info.reason());
            assertFalse(info.reason().contains("did not start"), info.reason());
        } finally {
            session.close();
        }
    }

    @Test
    void aWorkerThatDiesBeforeHelloDidNotStart() {
        BackendDescriptor dying = new BackendDescriptor("dying", "java-math", "cpu", "none", Map.of());
        BackendSession session = BackendSession.open(dying,
                backend -> io.github.opcompare.engine.worker.WorkerCommand.java(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), java.util.List.of(),
                        java.util.List.of(), "no.such.MainClass", Map.of()),
                logs, Duration.ofSeconds(60));
        try {
            assertTrue(session.info().reason().startsWith("worker did not start: "), session.info().reason());
        } finally {
            session.close();
        }
    }
}
