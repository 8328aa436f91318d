package io.github.opcompare.engine.run;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.WorkerLaunch;
import io.github.opcompare.engine.worker.WorkerClassArchive;
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
    private final boolean startSingleThreadEarly;
    private WorkerClassArchive classArchive = WorkerClassArchive.none();

    /**
     * @param commandFactory asked for workers' commands from several threads at once (see
     *     {@link WorkerCommandFactory}): the Maven plugin's resolver makes its Maven calls one at a time
     *     itself, and lets what needs no Maven (finding the Python of the NumPy worker, which runs it)
     *     proceed side by side
     */
    WorkerStartup(WorkerCommandFactory commandFactory, Path logDir, Duration startTimeout, boolean compareThreads) {
        this(commandFactory, logDir, startTimeout, compareThreads, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param cores the machine's cores: with one, no library runs several threads, and a single-thread
     *     worker started early would only be closed again, a library's start spent for nothing
     */
    WorkerStartup(WorkerCommandFactory commandFactory, Path logDir, Duration startTimeout, boolean compareThreads, int cores) {
        this.commandFactory = commandFactory;
        this.logDir = logDir;
        this.startTimeout = startTimeout;
        this.compareThreads = compareThreads;
        this.startSingleThreadEarly = compareThreads && cores > 1;
    }

    /** Starts the Java workers with their class archives (none by default). */
    WorkerStartup classArchive(WorkerClassArchive archive) {
        this.classArchive = archive;
        return this;
    }

    /**
     * Starts them all. A backend's single-thread worker is there only for a library that uses several
     * threads: one whose descriptor declares it multi-threaded ({@link WorkerLaunch#multiThreaded()})
     * starts it together with its main worker (on a machine with several cores), and closes it again if
     * the main worker then says it uses one thread; any other follows its own main worker, once that has said
     * how many threads it uses, but not the others'. Each session is added to {@code opened} as soon
     * as it exists, so that the caller can close whatever started even when this throws.
     */
    Started start(List<BackendDescriptor> backends, List<BackendSession> opened) {
        // A thread per worker that may start now, so that no start waits for a free thread.
        int early = (int) backends.stream().filter(this::startsSingleThreadEarly).count();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, backends.size() + early), r -> {
            Thread t = new Thread(r, "opcompare-worker-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<BackendSession[]>> pending = new ArrayList<>();
            for (BackendDescriptor backend : backends) {
                pending.add(CompletableFuture.supplyAsync(() -> startBoth(backend, pool), pool));
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

    private BackendSession[] startBoth(BackendDescriptor backend, ExecutorService pool) {
        if (startsSingleThreadEarly(backend)) {
            return startSideBySide(backend, pool);
        }
        BackendSession main = BackendSession.open(backend, commandFactory, logDir, startTimeout, classArchive);
        BackendSession single = null;
        if (main.available() && compareThreads && main.threads() > 1) {
            single = BackendSession.openSingleThread(backend, commandFactory, logDir, startTimeout, classArchive);
        }
        return new BackendSession[] {main, single};
    }

    /**
     * The main and the single-thread worker of a library declared multi-threaded, each started on a
     * thread of its own: on a machine with several cores both are needed, and starting the second only
     * after the first has loaded its library (seconds for TensorFlow or ND4J) put that wait before the
     * first case. What decides whether the single-thread worker is kept is what the main worker says,
     * exactly as when it is started afterwards: several threads keep it, one closes it unused.
     */
    private BackendSession[] startSideBySide(BackendDescriptor backend, ExecutorService pool) {
        CompletableFuture<BackendSession> early = CompletableFuture.supplyAsync(
                () -> BackendSession.openSingleThread(backend, commandFactory, logDir, startTimeout, classArchive), pool);
        BackendSession main;
        try {
            main = BackendSession.open(backend, commandFactory, logDir, startTimeout, classArchive);
        } catch (RuntimeException e) {
            early.thenAccept(BackendSession::close);
            throw e;
        }
        BackendSession single = early.join();
        if (main.available() && main.threads() > 1) {
            return new BackendSession[] {main, single};
        }
        single.close();
        return new BackendSession[] {main, null};
    }

    private boolean startsSingleThreadEarly(BackendDescriptor backend) {
        return startSingleThreadEarly && backend.launch() != null && backend.launch().multiThreaded();
    }
}
