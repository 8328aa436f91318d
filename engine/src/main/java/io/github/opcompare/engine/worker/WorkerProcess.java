package io.github.opcompare.engine.worker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running worker: requests go to its stdin as JSON lines, replies come from its stdout, and
 * its stderr goes to a log file whose tail explains failures. Lines on stdout that are not JSON
 * objects (a native library's banner) are ignored; a reply that does not arrive in time ends the
 * process.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final String END_OF_OUTPUT = "\u0000eof";

    private final Process process;
    private final BufferedWriter stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path stderrLog;
    private final Thread shutdownHook;

    private WorkerProcess(Process process, Path stderrLog) {
        this.process = process;
        this.stderrLog = stderrLog;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::pumpStdout, "opcompare-worker-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        // A worker must never outlive the build, also when Maven itself is interrupted.
        this.shutdownHook = new Thread(process::destroyForcibly, "opcompare-worker-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the worker; its stderr is appended to {@code stderrLog}. */
    public static WorkerProcess start(WorkerCommand command, Path stderrLog) throws IOException {
        Files.createDirectories(stderrLog.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command.command());
        builder.environment().putAll(command.environment());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        return new WorkerProcess(builder.start(), stderrLog);
    }

    private void pumpStdout() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("{")) {
                    replies.add(line);
                }
            }
        } catch (IOException e) {
            // The process is gone; the waiting request reports it.
        }
        replies.add(END_OF_OUTPUT);
    }

    /** Sends one request and waits for its reply. */
    public WorkerReply request(WorkerRequest request, Duration timeout) throws WorkerFailedException {
        try {
            stdin.write(WorkerJson.line(request));
            stdin.newLine();
            stdin.flush();
        } catch (IOException e) {
            throw failure("cannot send the request: worker has ended");
        }
        String line;
        try {
            line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy();
            throw new WorkerFailedException("interrupted while waiting for the worker");
        }
        if (line == null) {
            destroy();
            throw failure("no answer within " + timeout.toSeconds() + " s; the worker was ended");
        }
        if (END_OF_OUTPUT.equals(line)) {
            throw failure("worker ended unexpectedly");
        }
        try {
            return WorkerJson.parse(line, WorkerReply.class);
        } catch (IOException e) {
            destroy();
            throw failure("unreadable reply '" + abbreviate(line) + "'");
        }
    }

    private WorkerFailedException failure(String what) {
        StringBuilder message = new StringBuilder(what);
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                int code = process.exitValue();
                message.append(" (exit code ").append(code);
                if (code > 128) {
                    message.append(", signal ").append(code - 128);
                }
                message.append(')');
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> tail = stderrTail(8);
        if (!tail.isEmpty()) {
            message.append("; last lines of its stderr (").append(stderrLog).append("):");
            tail.forEach(l -> message.append("\n  ").append(l));
        }
        return new WorkerFailedException(message.toString());
    }

    /** The last lines the worker wrote to stderr. */
    public List<String> stderrTail(int lines) {
        try {
            List<String> all = Files.readAllLines(stderrLog, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void destroy() {
        process.destroyForcibly();
    }

    /** Asks the worker to exit, and ends it if it does not within a few seconds. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                stdin.write(WorkerJson.line(WorkerRequest.exit()));
                stdin.newLine();
                stdin.flush();
                stdin.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    destroy();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook will run.
            }
        }
    }

    /** Waits at most the given time for a started worker to answer hello. */
    public WorkerReply hello(Duration timeout) throws WorkerFailedException {
        return request(WorkerRequest.hello(), timeout);
    }
}
