package io.github.opcompare.backend.numpy;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The conformance kit against numpy_worker.py, run as the plugin runs it ({@code python3
 * numpy_worker.py}): the Python worker is held to the same spec as the Java ones, its timing replies
 * included, over the protocol alone (it has no Java executor).
 */
class NumpyConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return null;
    }

    @Override
    protected WorkerLaunch launch() {
        return numpyWorker();
    }

    /** {@code python3 numpy_worker.py}, the script from this module's resources. */
    static WorkerLaunch numpyWorker() {
        try {
            Path script = Path.of(NumpyConformanceTest.class.getResource("numpy_worker.py").toURI());
            return WorkerLaunch.command("python3", script.toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Optional<String> unavailable() {
        return numpyMissing();
    }

    /** The backend is optional, as the README says: skipped where no python3 imports NumPy. */
    static Optional<String> numpyMissing() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            boolean ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            return ok ? Optional.empty() : Optional.of("no python3 with NumPy on this machine");
        } catch (IOException e) {
            return Optional.of("no python3 on this machine: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
