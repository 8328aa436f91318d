package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs Python from a test: whether an interpreter can import a module, and a script to completion. */
final class PythonScript {
    private PythonScript() {
    }

    /** True when {@code python -c "import module"} succeeds within 30 s. */
    static boolean canImport(String python, String module) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs python with the arguments; fails the test with its output when it fails or overruns. */
    static void run(String python, long timeoutSeconds, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(python));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        try {
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + output.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
