package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.WorkerLaunch;
import io.github.opcompare.engine.worker.JavaMathWorker;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order in which workers start, checked by behaviour rather than by time: the main worker of
 * the backend under test holds its hello until a gate file exists, and the command factory opens
 * the gate only when it is asked for that backend's single-thread worker. A single-thread worker
 * that starts together with its main worker opens the gate and both start; one that waits for the
 * main worker's hello never comes, and the main worker misses its start timeout.
 */
class WorkerStartupTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private final List<BackendSession> opened = new ArrayList<>();

    @AfterEach
    void closeWorkers() {
        opened.forEach(BackendSession::close);
    }

    @Test
    void aDeclaredMultiThreadedLibraryStartsItsSingleThreadWorkerBeforeItsMainWorkerHasSaidHello() {
        Path gate = dir.resolve("gate");
        BackendDescriptor pool = backend("pool", true, gate, "2");

        WorkerStartup.Started started = new WorkerStartup(gateOpeningWorkers(gate), dir.resolve("logs"), START_TIMEOUT, true, 2)
                .start(List.of(pool), opened);

        BackendSession main = started.sessions().get(0);
        assertTrue(main.available(), String.valueOf(main.info().reason()));
        assertEquals(2, main.threads());
        BackendSession single = started.singleThread().get("pool");
        assertTrue(single != null && single.available(), String.valueOf(started.singleThread()));
        assertEquals(1, single.threads());
    }

    @Test
    void anUndeclaredLibraryStartsItsSingleThreadWorkerOnlyAfterItsMainWorkerHasSaidHello() {
        // The converse, so that the check above can fail: without the declaration the main worker waits
        // for a gate that only the single-thread worker's start opens, and gives up after its timeout.
        Path gate = dir.resolve("gate");
        BackendDescriptor plain = backend("plain", false, gate, "2");

        WorkerStartup.Started started = new WorkerStartup(gateOpeningWorkers(gate), dir.resolve("logs"), Duration.ofSeconds(3), true, 2)
                .start(List.of(plain), opened);

        assertFalse(started.sessions().get(0).available());
        assertTrue(started.singleThread().isEmpty());
        assertFalse(Files.exists(gate));
    }

    @Test
    void aSingleThreadWorkerStartedEarlyIsClosedWhenTheMainWorkerUsesOneThread() throws IOException {
        // A multi-threaded library held to one thread (the build's OMP_NUM_THREADS=1, say) runs one: there
        // is nothing to compare with, as when the single-thread worker is started afterwards, and the
        // early one is ended.
        BackendDescriptor pool = backend("pool", true, null, "1");
        List<ProcessHandle> before = FaultyRuns.javaMathWorkerProcesses(ProcessHandle.current());

        WorkerStartup.Started started = new WorkerStartup(FaultyRuns.javaMathWorkers(), dir.resolve("logs"), START_TIMEOUT, true, 2)
                .start(List.of(pool), opened);

        assertTrue(started.sessions().get(0).available());
        assertTrue(started.singleThread().isEmpty());
        assertTrue(Files.exists(dir.resolve("logs/pool-1-thread.log")), "the single-thread worker was started");
        List<ProcessHandle> running = new ArrayList<>(FaultyRuns.javaMathWorkerProcesses(ProcessHandle.current()));
        running.removeAll(before);
        assertEquals(1, running.size(), "only the main worker is left running: " + running);
    }

    @Test
    void withoutTheThreadComparisonNoSingleThreadWorkerStarts() {
        BackendDescriptor pool = backend("pool", true, null, "2");

        WorkerStartup.Started started = new WorkerStartup(FaultyRuns.javaMathWorkers(), dir.resolve("logs"), START_TIMEOUT, false, 2)
                .start(List.of(pool), opened);

        assertTrue(started.sessions().get(0).available());
        assertTrue(started.singleThread().isEmpty());
        assertFalse(Files.exists(dir.resolve("logs/pool-1-thread.log")));
        assertNull(started.singleThread().get("pool"));
    }

    @Test
    void onOneCoreNoSingleThreadWorkerStartsEarly() {
        // No library runs several threads on one core: the main worker's hello comes first, and with
        // one thread reported no single-thread worker is started at all.
        BackendDescriptor pool = backend("pool", true, null, "1");

        WorkerStartup.Started started = new WorkerStartup(FaultyRuns.javaMathWorkers(), dir.resolve("logs"), START_TIMEOUT, true, 1)
                .start(List.of(pool), opened);

        assertTrue(started.sessions().get(0).available());
        assertTrue(started.singleThread().isEmpty());
        assertFalse(Files.exists(dir.resolve("logs/pool-1-thread.log")));
    }

    /** A java-math test worker reporting {@code threads} threads, its hello held until {@code gate} exists (null: not held). */
    private static BackendDescriptor backend(String id, boolean multiThreaded, Path gate, String threads) {
        Map<String, String> environment = gate == null ? Map.of("OPCOMPARE_TEST_THREADS", threads)
                : Map.of("OPCOMPARE_TEST_THREADS", threads, "OPCOMPARE_TEST_START_GATE", gate.toString());
        WorkerLaunch launch = new WorkerLaunch(WorkerLaunch.JAVA, JavaMathWorker.class.getName(), null, List.of(), List.of(), "",
                multiThreaded);
        return new BackendDescriptor(id, "java-math", "cpu", "unused", environment, launch, null, List.of(), List.of(), null);
    }

    /**
     * The java-math workers; asked for a single-thread worker (the environment that limits a library to
     * one thread), it opens the gate.
     */
    private static WorkerCommandFactory gateOpeningWorkers(Path gate) {
        WorkerCommandFactory workers = FaultyRuns.javaMathWorkers();
        return backend -> {
            if ("1".equals(backend.environment().get("OMP_NUM_THREADS"))) {
                try {
                    Files.writeString(gate, "open");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return workers.commandFor(backend);
        };
    }
}
