package io.github.opcompare.engine.gpu;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.GpuRequirements;
import io.github.opcompare.engine.backend.RequiredLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one backend's GPU build needs from the machine besides a GPU, as its descriptor says: a
 * driver new enough for its CUDA version, the CUDA libraries it loads at run time, and GPUs it has
 * kernels for. Checked before anything is resolved, so that a missing cuDNN costs a message, not a
 * 600 MB download and a crash.
 *
 * @param backendId the GPU backend, for messages
 * @param summary what the build is, for messages ({@code TensorFlow 2.18's GPU build (CUDA 12, cuDNN 9)})
 * @param minimumDriver the oldest NVIDIA driver its CUDA version runs on
 * @param libraries the libraries it loads from the host
 * @param ownSearchDirs directories the build searches by itself besides the loader's (its RUNPATH)
 * @param kernels the GPUs it has kernels for; null when its descriptor names no kernel table
 */
record GpuStack(String backendId, String summary, String minimumDriver, List<RequiredLibrary> libraries,
        List<Path> ownSearchDirs, KernelCoverage kernels) {

    /** The stack a GPU backend's descriptor describes. */
    static GpuStack of(BackendDescriptor backend) {
        GpuRequirements gpu = backend.gpu();
        return new GpuStack(backend.id(), gpu.summary(), gpu.minimumDriver(), gpu.libraries(),
                gpu.searchDirs().stream().map(Path::of).toList(),
                gpu.kernels() == null ? null : new KernelCoverage(gpu.kernels()));
    }

    /** What keeps this build from running here, said so that a user can fix it; empty when nothing does. */
    Optional<String> problem(GpuDetection detection, SharedLibraries loader) {
        if (!DriverVersion.atLeast(detection.driverVersion(), minimumDriver)) {
            return Optional.of(summary + " needs NVIDIA driver " + minimumDriver + " or later, and this machine has "
                    + detection.driverVersion() + "; update the driver");
        }
        Optional<String> devicesProblem = kernels == null ? Optional.empty() : kernels.problem(detection.devices(), backendId);
        if (devicesProblem.isPresent()) {
            return devicesProblem;
        }
        List<String> missing = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        Set<Path> dirsToAdd = new LinkedHashSet<>();
        for (RequiredLibrary library : libraries) {
            if (loader.loadable(library.soname(), ownSearchDirs).isPresent()) {
                continue;
            }
            Optional<Path> found = loader.outsideSearch(library.soname());
            if (found.isPresent()) {
                elsewhere.add(library.soname() + " (in " + found.get().getParent() + ")");
                dirsToAdd.add(found.get().getParent());
            } else {
                missing.add(library.soname() + " (" + library.what() + ")");
                packages.add(detection.driverVersion() == null ? library.debianPackage()
                        : library.debianPackage().replace("<driver branch>", detection.driverVersion().replaceFirst("\\..*", "")));
            }
        }
        if (missing.isEmpty() && elsewhere.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(summary).append(" loads libraries from this machine");
        if (!missing.isEmpty()) {
            text.append(", and it lacks ").append(String.join(", ", missing))
                    .append(". Install them (Debian/Ubuntu, from NVIDIA's CUDA repository: apt-get install ")
                    .append(String.join(" ", packages)).append(")");
            if (elsewhere.isEmpty()) {
                text.append(", or add the directory that holds them to LD_LIBRARY_PATH");
            }
        }
        if (!elsewhere.isEmpty()) {
            text.append(missing.isEmpty() ? ", and " : "; ").append("the loader does not search where ")
                    .append(String.join(", ", elsewhere)).append(" lie: export LD_LIBRARY_PATH=")
                    .append(dirsToAdd.stream().map(Path::toString).collect(Collectors.joining(":")))
                    .append(":$LD_LIBRARY_PATH");
        }
        text.append(". Searched: ").append(loader.searched(ownSearchDirs));
        return Optional.of(text.toString());
    }
}
