package io.github.opcompare.plugin;

import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.run.ConsoleFormat;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What a failed case × backend does to the build: by default a warning per failure (the other
 * results are still worth having), or a build failure with {@code failOnBackendError}.
 */
final class BackendErrorGate {
    private BackendErrorGate() {
    }

    static void apply(Results results, Path resultsFile, boolean failOnBackendError, Log log) throws MojoFailureException {
        List<String> failures = ConsoleFormat.failureLines(results);
        if (failures.isEmpty()) {
            return;
        }
        String head = "opcompare: " + failures.size() + " result" + (failures.size() == 1 ? "" : "s") + " failed";
        if (failOnBackendError) {
            throw new MojoFailureException(head + " (failOnBackendError):\n  " + String.join("\n  ", failures));
        }
        log.warn(head + "; details in " + resultsFile + " (-Dopcompare.failOnBackendError=true fails the build):");
        failures.forEach(line -> log.warn("  " + line));
    }
}
