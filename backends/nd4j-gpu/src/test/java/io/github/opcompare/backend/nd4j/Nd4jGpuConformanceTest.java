package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The conformance kit against ND4J on the GPU, where there is one: skipped, with the reason, on a
 * machine without an NVIDIA driver or where ND4J's CUDA backend does not start (this module's test
 * classpath leaves out the 600 MB CUDA natives, which the plugin adds at run time; put them on it to
 * run the kit on a GPU machine).
 */
class Nd4jGpuConformanceTest extends BackendConformance {
    private Nd4jGpuExecutor executor;

    @Override
    protected Optional<String> unavailable() {
        if (!Files.exists(Path.of("/proc/driver/nvidia/version"))) {
            return Optional.of("no NVIDIA driver on this machine (/proc/driver/nvidia/version is absent)");
        }
        try {
            executor = Nd4jGpuExecutor.start();
            return Optional.empty();
        } catch (Throwable t) {
            return Optional.of("ND4J's CUDA backend does not start here: " + t);
        }
    }

    @Override
    protected OpExecutor executor() {
        return executor;
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(Nd4jGpuWorker.class);
    }
}
