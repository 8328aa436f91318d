package io.github.opcompare.engine.run;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.worker.BackendUnavailableException;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerClassArchive;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.engine.worker.WorkerProcess;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One backend over a run: its worker process, started once and restarted after a crash, and what
 * it said about itself.
 */
final class BackendSession implements AutoCloseable {
    private final BackendDescriptor descriptor;
    private boolean jitWarmedUp;
    private final WorkerCommand command;
    private final Path stderrLog;
    private final Duration startTimeout;
    private final WorkerClassArchive classArchive;
    private WorkerProcess process;
    private BackendInfo info;

    private BackendSession(BackendDescriptor descriptor, WorkerCommand command, Path stderrLog, Duration startTimeout,
            WorkerClassArchive classArchive) {
        this.descriptor = descriptor;
        this.command = command;
        this.stderrLog = stderrLog;
        this.startTimeout = startTimeout;
        this.classArchive = classArchive;
    }

    /** Starts the backend's worker; a backend that cannot start comes back unavailable, with the reason. */
    static BackendSession open(BackendDescriptor descriptor, WorkerCommandFactory factory, Path logDir, Duration startTimeout) {
        return open(descriptor, factory, logDir, startTimeout, WorkerClassArchive.none());
    }

    /** As {@link #open(BackendDescriptor, WorkerCommandFactory, Path, Duration)}, a Java worker with its class archive. */
    static BackendSession open(BackendDescriptor descriptor, WorkerCommandFactory factory, Path logDir, Duration startTimeout,
            WorkerClassArchive classArchive) {
        return open(descriptor, factory, logDir.resolve(descriptor.id() + ".log"), startTimeout, "", classArchive);
    }

    /**
     * A second worker of the same backend limited to one thread by the environment variables the
     * libraries read at start-up (OpenMP, OpenBLAS, MKL, TensorFlow's pools), with the class archive
     * of its main worker: the thread variables leave the classes it loads alone.
     */
    static BackendSession openSingleThread(BackendDescriptor descriptor, WorkerCommandFactory factory, Path logDir,
            Duration startTimeout, WorkerClassArchive classArchive) {
        BackendDescriptor single = descriptor.withEnvironment(SINGLE_THREAD_ENVIRONMENT);
        return open(single, factory, logDir.resolve(descriptor.id() + "-1-thread.log"), startTimeout, " (single-thread run)",
                classArchive);
    }

    static final java.util.Map<String, String> SINGLE_THREAD_ENVIRONMENT = java.util.Map.of(
            "OMP_NUM_THREADS", "1",
            "OPENBLAS_NUM_THREADS", "1",
            "MKL_NUM_THREADS", "1",
            "TF_NUM_INTRAOP_THREADS", "1",
            "TF_NUM_INTEROP_THREADS", "1");

    private static BackendSession open(BackendDescriptor descriptor, WorkerCommandFactory factory, Path log,
            Duration startTimeout, String what, WorkerClassArchive classArchive) {
        WorkerCommand command;
        try {
            command = factory.commandFor(descriptor);
        } catch (BackendUnavailableException e) {
            BackendSession session = new BackendSession(descriptor, null, log, startTimeout, classArchive);
            session.info = unavailable(descriptor, e.getMessage());
            return session;
        }
        BackendSession session = new BackendSession(descriptor, command, log, startTimeout, classArchive);
        try {
            session.start();
        } catch (BackendUnavailableException e) {
            // The worker started and said why its library cannot: that reason is the whole story.
            session.info = unavailable(descriptor, e.getMessage() + what);
        } catch (WorkerFailedException | IOException e) {
            session.info = unavailable(descriptor, "worker" + what + " did not start: " + e.getMessage());
        }
        return session;
    }

    private void start() throws IOException, WorkerFailedException, BackendUnavailableException {
        if (process != null) {
            process.close(); // the ended one: releases its shutdown hook
        }
        // Asked at each start: a restart after a crash maps the archive an earlier worker has written since.
        WorkerClassArchive.Launch launch = classArchive.launch(command);
        process = WorkerProcess.start(launch.command(), stderrLog, launch.dump().orElse(null));
        WorkerReply hello = process.hello(startTimeout);
        if (!hello.ok()) {
            process.close();
            process = null;
            throw new BackendUnavailableException(hello.message());
        }
        info = withOrigin(descriptor, new BackendInfo(descriptor.id(), hello.library(), hello.version(), hello.device(),
                hello.threads(), hello.runtime(), true, null));
    }

    private static BackendInfo unavailable(BackendDescriptor descriptor, String reason) {
        return withOrigin(descriptor, new BackendInfo(descriptor.id(), descriptor.library(), null, descriptor.device(), null, null,
                false, reason));
    }

    /** Where the library version came from, as the backend's selection recorded it. */
    private static BackendInfo withOrigin(BackendDescriptor descriptor, BackendInfo info) {
        io.github.opcompare.engine.backend.SelectedVersion selected = descriptor.selected();
        return selected == null ? info
                : info.withVersionOrigin(selected.source().json(), selected.version(), selected.dependencyPath());
    }

    BackendInfo info() {
        return info;
    }

    String id() {
        return descriptor.id();
    }

    boolean available() {
        return info.available();
    }

    /** Whether the JIT warm-up was made on this worker (see {@link TimingSweep}). */
    boolean jitWarmedUp() {
        return jitWarmedUp;
    }

    void markJitWarmedUp() {
        jitWarmedUp = true;
    }

    /** Threads the worker's library uses; 1 when it did not say. */
    int threads() {
        return info.threads() == null ? 1 : info.threads();
    }

    /** Sends a run request, first restarting the worker if an earlier case ended it. */
    WorkerReply run(WorkerRequest request, Duration timeout) throws WorkerFailedException {
        if (process == null || !process.isAlive()) {
            try {
                start();
            } catch (IOException | WorkerFailedException | BackendUnavailableException e) {
                throw new WorkerFailedException("cannot restart the worker after it ended: " + e.getMessage());
            }
        }
        return process.request(request, timeout);
    }

    /** The running worker process, if any: for checks that nothing outlives a run. */
    java.util.Optional<ProcessHandle> processHandle() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.handle());
    }

    /** Asks the worker to exit without waiting; {@link #close} waits. */
    void requestExit() {
        if (process != null) {
            process.requestExit();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    /**
     * Closes the sessions' workers side by side: each is asked to exit first, then each is waited for.
     * One after the other, a worker that writes its class archive on the way out (seconds) made the
     * next wait for it.
     */
    static void closeAll(java.util.Collection<BackendSession> sessions) {
        sessions.forEach(BackendSession::requestExit);
        sessions.forEach(BackendSession::close);
    }
}
