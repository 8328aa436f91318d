package io.github.opcompare.engine.gpu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command and collects what it prints: nvidia-smi and ldconfig, replaced by fakes in tests. */
@FunctionalInterface
interface CommandRunner {

    /**
     * @throws IOException when the command cannot be started (not installed, not executable)
     */
    Result run(List<String> command, Duration timeout) throws IOException;

    /**
     * @param exitCode the command's exit status (meaningless when it timed out)
     * @param output stdout and stderr together
     * @param timedOut whether it was ended for running longer than the timeout
     */
    record Result(int exitCode, String output, boolean timedOut) {
    }

    /** Real processes, each ended forcibly if it outlives its timeout, so a hung driver cannot hang the build. */
    static CommandRunner processes() {
        return (command, timeout) -> {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            // Read on another thread: a process blocked on a full pipe would otherwise never exit.
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(output);
                } catch (IOException e) {
                    // the process was ended; what was read so far is kept
                }
            }, "opcompare-" + command.get(0));
            reader.setDaemon(true);
            reader.start();
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!exited) {
                    process.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
                }
                reader.join(1000);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.get(0), e);
            }
            return new Result(exited ? process.exitValue() : -1, output.toString(StandardCharsets.UTF_8), !exited);
        };
    }
}
