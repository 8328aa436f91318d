package io.github.opcompare.engine.run;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts every backend's workers at once rather than one after the other. A worker spends most of
 * its start loading its library (a JVM and TensorFlow's native code, a Python interpreter and
 * NumPy), much of it waiting on the disk and on the dynamic linker, so starting five in turn took
 * five times the slowest: 7.5 s on a 2-core machine, against about half that together. The sessions
 * come back in the order of the backends, so that the console and results.json list them as before.
 */
final class WorkerStartup {
    /** The sessions of a run: one per backend, and the single-thread workers of multi-threaded backends. */
    record Started(List<BackendSession> sessions, Map<String, BackendSession> singleThread) {
    }

    private final WorkerCommandFactory commandFactory;
    private final Path logDir;
    private final Duration startTimeout;
    private final boolean compareThreads;

    WorkerStartup(WorkerCommandFactory commandFactory, Path logDir, Duration startTimeout, boolean compareThreads) {
        // Resolving a worker (the Maven plugin resolves its classpath through Maven) is not known to be
        // thread-safe: one resolution at a time; it is the processes' start that runs side by side.
        Object lock = new Object();
        this.commandFactory = backend -> {
            synchronized (lock) {
                return commandFactory.commandFor(backend);
            }
        };
        this.logDir = logDir;
        this.startTimeout = startTimeout;
        this.compareThreads = compareThreads;
    }

    /**
     * Starts them all. A backend's single-thread worker starts once its main worker has said how many
     * threads it uses (only a multi-threaded one has one), so it follows that backend's main worker
     * but not the others'. Each session is added to {@code opened} as soon as it exists, so that the
     * caller can close whatever started even when this throws.
     */
    Started start(List<BackendDescriptor> backends, List<BackendSession> opened) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, backends.size()), r -> {
            Thread t = new Thread(r, "opcompare-worker-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<BackendSession[]>> pending = new ArrayList<>();
            for (BackendDescriptor backend : backends) {
                pending.add(CompletableFuture.supplyAsync(() -> startBoth(backend), pool));
            }
            List<BackendSession> sessions = new ArrayList<>();
            Map<String, BackendSession> singleThread = new LinkedHashMap<>();
            RuntimeException failure = null;
            for (int i = 0; i < backends.size(); i++) {
                BackendSession[] pair;
                try {
                    pair = pending.get(i).join();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                    continue;
                }
                sessions.add(pair[0]);
                opened.add(pair[0]);
                if (pair[1] != null) {
                    singleThread.put(backends.get(i).id(), pair[1]);
                    opened.add(pair[1]);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return new Started(sessions, singleThread);
        } finally {
            pool.shutdown();
        }
    }

    private BackendSession[] startBoth(BackendDescriptor backend) {
        BackendSession main = BackendSession.open(backend, commandFactory, logDir, startTimeout);
        BackendSession single = null;
        if (main.available() && compareThreads && main.threads() > 1) {
            single = BackendSession.openSingleThread(backend, commandFactory, logDir, startTimeout);
        }
        return new BackendSession[] {main, single};
    }
}
