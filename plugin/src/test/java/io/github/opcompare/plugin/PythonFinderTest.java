package io.github.opcompare.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.opcompare.engine.worker.BackendUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the NumPy worker's Python, with launchers written here in front of Debian's
 * {@code /usr/bin/python3} (which imports numpy wherever .ci/run installed python3-numpy): a launcher
 * on the PATH is replaced by the interpreter it ran, a configured one is kept as written.
 */
class PythonFinderTest {
    private static final String SYSTEM_PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;

    /** A python3 on a PATH of its own that talks first (as a launcher may) and then runs Debian's Python. */
    static Path launcher;
    /** A python3 that runs Debian's Python without its site packages, so without numpy. */
    static Path withoutNumpy;

    @BeforeAll
    static void launchers() throws Exception {
        assumeTrue(imports(SYSTEM_PYTHON, "numpy"), SYSTEM_PYTHON + " cannot import numpy here");
        launcher = script(dir.resolve("launcher"), "echo 'a launcher says hello'\nexec " + SYSTEM_PYTHON + " \"$@\"");
        withoutNumpy = script(dir.resolve("bare"), "exec " + SYSTEM_PYTHON + " -S \"$@\"");
    }

    @Test
    void aLauncherOnThePathIsReplacedByTheInterpreterItRan() throws Exception {
        assertEquals(SYSTEM_PYTHON, PythonFinder.find(null, List.of(launcher.toString())));
    }

    @Test
    void aConfiguredLauncherIsKeptAsWritten() throws Exception {
        assertEquals(launcher.toString(), PythonFinder.find(launcher.toString(), List.of()));
    }

    @Test
    void aPythonWithoutNumpyIsPassedOverForTheNextOnThePath() throws Exception {
        assertEquals(SYSTEM_PYTHON, PythonFinder.find(null, List.of(withoutNumpy.toString(), launcher.toString())));
    }

    @Test
    void noneWithNumpyNamesTheFirstAndWhatElseWasTried() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> PythonFinder.find(null, List.of(withoutNumpy.toString(), dir.resolve("missing/python3").toString())));
        assertTrue(e.getMessage().startsWith(withoutNumpy + " cannot import numpy; install NumPy for it"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(also tried " + dir.resolve("missing/python3") + ")"), e.getMessage());
    }

    /** The version is what the interpreter's numpy says of itself, read past the launcher's own line. */
    @Test
    void theNumpyVersionIsReadPastALaunchersOutput() throws Exception {
        Process python = new ProcessBuilder(SYSTEM_PYTHON, "-c", "import numpy; print(numpy.__version__)").start();
        String expected = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, python.waitFor());
        assertEquals(expected, PythonFinder.numpyVersion(launcher.toString()));
    }

    @Test
    void theCandidatesAreEachPython3OnThePathInOrderThenDebians() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<String> found = PythonFinder.candidates(String.join(java.io.File.pathSeparator, empty.toString(),
                withoutNumpy.getParent().toString(), launcher.getParent().toString()));
        assertEquals(List.of(withoutNumpy.toString(), launcher.toString(), SYSTEM_PYTHON), found);
    }

    private static Path script(Path folder, String body) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("python3");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static boolean imports(String python, String module) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
