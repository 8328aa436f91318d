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

    /**
     * A Python that imports numpy. One found on the PATH is given as the interpreter it ran
     * ({@code sys.executable}): a {@code python3} on the PATH is often a launcher (pyenv's shim is a
     * bash script that forks a dozen more to choose a version, 0.2 s on an idle machine and over a
     * second while the other workers start), which would otherwise run a second time to start the
     * worker; the interpreter it chose is the one the worker then runs. A configured {@code <python>}
     * is used as written: a wrapper the user names may set up what the interpreter needs.
     */
    static String find(String configured) throws BackendUnavailableException {
        return find(configured, candidates());
    }

    static String find(String configured, List<String> candidates) throws BackendUnavailableException {
        if (configured != null && !configured.isBlank()) {
            String python = configured.trim();
            Probe probe = probe(python);
            if (probe.problem() != null) {
                throw new BackendUnavailableException(probe.problem());
            }
            return python;
        }
        if (candidates.isEmpty()) {
            throw new BackendUnavailableException("python3 not found on PATH; " + INSTALL_HINT);
        }
        String firstProblem = null;
        for (String candidate : candidates) {
            Probe probe = probe(candidate);
            if (probe.problem() == null) {
                return probe.interpreter(candidate);
            }
            if (firstProblem == null) {
                firstProblem = probe.problem();
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
        Probe probe = probe(python);
        if (probe.problem() != null) {
            throw new IllegalArgumentException(probe.problem());
        }
        if (probe.numpyVersion() == null) {
            throw new IllegalArgumentException(python + " did not tell its NumPy version");
        }
        return probe.numpyVersion();
    }

    static List<String> candidates() {
        return candidates(System.getenv("PATH"));
    }

    /** Each {@code python3} on {@code path} in its order, then {@code /usr/bin/python3}. */
    static List<String> candidates(String path) {
        Set<String> found = new LinkedHashSet<>();
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

    /** Marks the probe's own lines in an output that may also carry a library's messages. */
    private static final String VERSION = "opcompare-numpy-version=";
    private static final String EXECUTABLE = "opcompare-python-executable=";
    private static final String PROBE = "import sys, numpy; print('" + VERSION + "' + numpy.__version__); print('" + EXECUTABLE
            + "' + (sys.executable or ''))";

    /**
     * What one run of a Python said: a problem (what is missing and how to install it), or the NumPy
     * version it imports and the interpreter it ran as ({@code sys.executable}; null where it could
     * not tell, as an embedded Python may not).
     */
    record Probe(String problem, String numpyVersion, String executable) {
        /** The interpreter to start the worker with: the one the probe ran as, where that is an executable file. */
        String interpreter(String asked) {
            if (executable == null || executable.isBlank()) {
                return asked;
            }
            Path path = Path.of(executable);
            return path.isAbsolute() && Files.isRegularFile(path) && Files.isExecutable(path) ? executable : asked;
        }
    }

    /** Runs {@code python} once: does it import numpy, which version, and as which interpreter. */
    static Probe probe(String python) {
        Process process;
        try {
            process = new ProcessBuilder(python, "-c", PROBE).redirectErrorStream(true).start();
        } catch (IOException e) {
            return failed(python + " not found or cannot run (" + e.getMessage() + "); " + INSTALL_HINT);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return failed(python + " did not answer within 60 s; " + INSTALL_HINT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() == 0) {
                return new Probe(null, marked(output, VERSION), marked(output, EXECUTABLE));
            }
            if (output.contains("No module named") || output.contains("ModuleNotFoundError")) {
                return failed(python + " cannot import numpy; install NumPy for it (Debian: apt-get install python3-numpy)");
            }
            return failed(python + " cannot import numpy: " + lastLine(output) + "; " + INSTALL_HINT);
        } catch (IOException e) {
            return failed(python + " cannot run: " + e.getMessage() + "; " + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while checking " + python);
        }
    }

    private static Probe failed(String problem) {
        return new Probe(problem, null, null);
    }

    /** The rest of the output's line that starts with {@code marker}; null if none does. */
    private static String marked(String output, String marker) {
        for (String line : output.split("\n")) {
            if (line.startsWith(marker)) {
                return line.substring(marker.length()).strip();
            }
        }
        return null;
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
