package io.github.opcompare.worker.conformance;

import io.github.opcompare.worker.WorkerJson;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A worker in its own process, spoken to as the plugin does: JSON lines on its stdin and stdout.
 * Public for a backend's own protocol tests beyond the kit.
 */
public final class ForkedWorker implements WorkerChannel, AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final BufferedReader stdout;
    private final Path stderr;

    private ForkedWorker(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static ForkedWorker start(WorkerLaunch launch, Path stderr) throws IOException {
        // stderr to a file: a chatty worker can never block on a full pipe, and the file explains failures.
        ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectError(stderr.toFile());
        builder.environment().putAll(launch.environment());
        return new ForkedWorker(builder.start(), stderr);
    }

    @Override
    public String name() {
        return "forked worker";
    }

    long pid() {
        return process.pid();
    }

    @Override
    public WorkerReply send(WorkerRequest request) {
        return sendLine(WorkerJson.line(request));
    }

    /** Sends one line as it is (a request written by hand, as another engine version might) and reads the reply. */
    public WorkerReply sendLine(String json) {
        try {
            stdin.write(json);
            stdin.write('\n');
            stdin.flush();
            String line = stdout.readLine();
            if (line == null) {
                throw new IllegalStateException("the worker closed its stdout; its stderr:\n" + stderr());
            }
            return WorkerJson.parse(line, WorkerReply.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to the worker; its stderr:\n" + stderr(), e);
        }
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Says exit, as the engine does at the end, and waits for the worker to end. */
    @Override
    public void close() throws Exception {
        try {
            stdin.write(WorkerJson.line(WorkerRequest.exit()));
            stdin.write('\n');
            stdin.close();
        } catch (IOException alreadyGone) {
            // it ended on its own; waitFor tells
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the worker did not exit within 60 s of exit");
        }
    }
}
