package io.github.opcompare.plugin;

import io.github.opcompare.engine.worker.BackendUnavailableException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Python that runs the NumPy worker. Configured ({@code <python>}): that one, or the
 * reason it cannot. Not configured: the first {@code python3} on the PATH that can import numpy,
 * then {@code /usr/bin/python3} (where Debian's python3-numpy lives, even when pyenv or a virtual
 * environment without NumPy comes first on the PATH).
 */
final class PythonFinder {
    static final String INSTALL_HINT = "install Python 3 and NumPy (Debian: apt-get install python3-numpy)";

    private PythonFinder() {
    }

    /** A Python that imports numpy. */
    static String find(String configured) throws BackendUnavailableException {
        if (configured != null && !configured.isBlank()) {
            String python = configured.trim();
            String problem = probe(python);
            if (problem != null) {
                throw new BackendUnavailableException(problem);
            }
            return python;
        }
        List<String> candidates = candidates();
        if (candidates.isEmpty()) {
            throw new BackendUnavailableException("python3 not found on PATH; " + INSTALL_HINT);
        }
        String firstProblem = null;
        for (String candidate : candidates) {
            String problem = probe(candidate);
            if (problem == null) {
                return candidate;
            }
            if (firstProblem == null) {
                firstProblem = problem;
            }
        }
        throw new BackendUnavailableException(firstProblem
                + (candidates.size() > 1 ? " (also tried " + String.join(", ", candidates.subList(1, candidates.size())) + ")" : ""));
    }

    /**
     * The NumPy version {@code python} imports ({@code 1.24.2}), for naming a backend after it.
     *
     * @throws IllegalArgumentException naming the interpreter and what is missing
     */
    static String numpyVersion(String python) {
        String problem = probe(python);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        try {
            Process process = new ProcessBuilder(python, "-c", "import numpy; print(numpy.__version__)").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalArgumentException(python + " did not tell its NumPy version: " + lastLine(output));
            }
            return lastLine(output).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(python + " cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while asking " + python + " for its NumPy", e);
        }
    }

    static List<String> candidates() {
        Set<String> found = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path exe = Path.of(dir, "python3");
                if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
                    found.add(exe.toString());
                }
            }
        }
        Path system = Path.of("/usr/bin/python3");
        if (Files.isExecutable(system)) {
            found.add(system.toString());
        }
        return new ArrayList<>(found);
    }

    /** Null when the Python runs and imports numpy; else what is missing and how to install it. */
    static String probe(String python) {
        Process process;
        try {
            process = new ProcessBuilder(python, "-c", "import numpy; print(numpy.__version__)")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return python + " not found or cannot run (" + e.getMessage() + "); " + INSTALL_HINT;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return python + " did not answer within 60 s; " + INSTALL_HINT;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() == 0) {
                return null;
            }
            if (output.contains("No module named") || output.contains("ModuleNotFoundError")) {
                return python + " cannot import numpy; install NumPy for it (Debian: apt-get install python3-numpy)";
            }
            return python + " cannot import numpy: " + lastLine(output) + "; " + INSTALL_HINT;
        } catch (IOException e) {
            return python + " cannot run: " + e.getMessage() + "; " + INSTALL_HINT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + python;
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
