package io.github.opcompare.engine.gpu;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.GpuRequirements;
import io.github.opcompare.engine.backend.Platform;
import io.github.opcompare.engine.worker.BackendUnavailableException;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerCommandFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stands in front of the factory that resolves workers: a backend on device {@code gpu} reaches it
 * only when this machine has an NVIDIA GPU, a driver and CUDA libraries its GPU build can use, as
 * the backend's descriptor states them ({@link io.github.opcompare.engine.backend.GpuRequirements}).
 * Otherwise the backend is skipped with a reason that says what is missing and how to get it,
 * before a single artifact is resolved, so a machine without a GPU never downloads a GPU build (GPU
 * natives are 600 MB to 1 GB). Backends on other devices pass straight through. The checks run once
 * per gate and are cheap: no process at all without a driver.
 */
public final class GpuGate implements WorkerCommandFactory {
    private final WorkerCommandFactory delegate;
    private final Supplier<String> platform;
    private final Supplier<GpuDetection> detection;
    private final Supplier<SharedLibraries> loader;
    private GpuDetection detected;
    private SharedLibraries libraries;

    GpuGate(WorkerCommandFactory delegate, Supplier<String> platform, Supplier<GpuDetection> detection,
            Supplier<SharedLibraries> loader) {
        this.delegate = delegate;
        this.platform = platform;
        this.detection = detection;
        this.loader = loader;
    }

    /** The gate for this machine, in front of {@code delegate}; it looks for GPUs when first asked about one. */
    public static GpuGate around(WorkerCommandFactory delegate) {
        return around(delegate, GpuProbe::detect);
    }

    /**
     * The same with GPUs already looked for (the run's environment record and the gate can share one
     * {@link GpuProbe#detect()}); the supplier is called at most once, and only for a GPU backend.
     */
    public static GpuGate around(WorkerCommandFactory delegate, Supplier<GpuDetection> detection) {
        return new GpuGate(delegate, GpuGate::currentPlatform, detection,
                () -> SharedLibraries.system(CommandRunner.processes(), System.getenv()));
    }

    @Override
    public WorkerCommand commandFor(BackendDescriptor backend) throws BackendUnavailableException {
        if (!"gpu".equals(backend.device())) {
            return delegate.commandFor(backend);
        }
        Optional<String> problem = problem(backend);
        if (problem.isPresent()) {
            throw new BackendUnavailableException(problem.get() + ". Checked before resolving " + backend.id()
                    + "'s worker, so nothing of it was downloaded");
        }
        return delegate.commandFor(backend);
    }

    /** Why {@code backend} cannot run on this machine's GPU; empty when it can as far as can be told without starting it. */
    synchronized Optional<String> problem(BackendDescriptor backend) {
        String here = platform.get();
        GpuRequirements requirements = backend.gpu();
        if (requirements != null && !requirements.platforms().contains(here)) {
            List<String> platforms = requirements.platforms();
            return Optional.of(backend.id() + " runs on " + String.join(", ", platforms) + " only, the "
                    + (platforms.size() == 1 ? "one platform" : "platforms") + " its GPU build ("
                    + requirements.summary() + ") is published for, and this machine is " + here);
        }
        if (detected == null) {
            detected = detection.get();
        }
        if (!detected.found()) {
            return Optional.of("no NVIDIA GPU found: " + detected.problem());
        }
        if (requirements == null) {
            return Optional.empty();
        }
        if (libraries == null) {
            libraries = loader.get();
        }
        return GpuStack.of(backend).problem(detected, libraries);
    }

    private static String currentPlatform() {
        try {
            return Platform.current();
        } catch (IllegalArgumentException e) {
            return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        }
    }
}
