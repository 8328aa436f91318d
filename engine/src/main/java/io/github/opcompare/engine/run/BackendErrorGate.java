package io.github.opcompare.engine.run;

import io.github.opcompare.engine.result.Results;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a failed case × backend does to the build: by default a warning per failure (the other
 * results are still worth having), or a build failure with {@code failOnBackendError}.
 */
final class BackendErrorGate {
    private BackendErrorGate() {
    }

    /** The build failure's message, or empty when the build goes on (after warning of each failure). */
    static Optional<String> apply(Results results, Path resultsFile, boolean failOnBackendError, JobLog log) {
        List<String> failures = ConsoleFormat.failureLines(results);
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        String head = "opcompare: " + failures.size() + " result" + (failures.size() == 1 ? "" : "s") + " failed";
        if (failOnBackendError) {
            return Optional.of(head + " (failOnBackendError):\n  " + String.join("\n  ", failures));
        }
        log.warn(head + "; details in " + resultsFile + " (-Dopcompare.failOnBackendError=true fails the build):");
        failures.forEach(line -> log.warn("  " + line));
        return Optional.empty();
    }
}
