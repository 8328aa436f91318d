package io.github.opcompare.engine.gpu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one library's GPU build needs from the machine besides a GPU: a driver new enough for its
 * CUDA version, the CUDA libraries it loads at run time, and GPUs it has kernels for. Checked before
 * anything is resolved, so that a missing cuDNN costs a message, not a 600 MB download and a crash.
 *
 * @param summary what the build is, for messages ({@code TensorFlow 2.18's GPU build (CUDA 12, cuDNN 9)})
 * @param minimumDriver the oldest NVIDIA driver its CUDA version runs on
 * @param libraries the libraries it loads from the host
 * @param ownSearchDirs directories the build searches by itself besides the loader's (its RUNPATH)
 * @param devices why the GPUs found cannot run it, if they cannot
 */
record GpuStack(String summary, String minimumDriver, List<RequiredLibrary> libraries, List<Path> ownSearchDirs,
        Function<List<GpuDevice>, Optional<String>> devices) {

    /**
     * TensorFlow Java 1.1.0's {@code linux-x86_64-gpu} natives: TensorFlow 2.18, for CUDA 12 and cuDNN 9
     * (TensorFlow tested 2.18 with CUDA 12.5 and cuDNN 9.3, hence the 12-5 packages). It dlopens these at start (tsl's {@code dso_loader}: cudart, cublas, cublasLt,
     * cufft, cusolver, cusparse, cudnn) and, if any is missing, registers no GPU at all and runs every
     * op on the CPU; the worker's placement check would catch that, but only after the download.
     * CUDA 12 needs driver 525.60.13 or later on Linux.
     */
    static final GpuStack TENSORFLOW = new GpuStack("TensorFlow 2.18's GPU build (CUDA 12, cuDNN 9)", "525.60.13",
            List.of(
                    new RequiredLibrary("libcuda.so.1", "the NVIDIA driver's CUDA library", "libnvidia-compute-<driver branch>"),
                    new RequiredLibrary("libcudart.so.12", "CUDA 12 runtime", "cuda-cudart-12-5"),
                    new RequiredLibrary("libcublas.so.12", "cuBLAS 12", "libcublas-12-5"),
                    new RequiredLibrary("libcublasLt.so.12", "cuBLASLt 12", "libcublas-12-5"),
                    new RequiredLibrary("libcufft.so.11", "cuFFT 11 of CUDA 12", "libcufft-12-5"),
                    new RequiredLibrary("libcusolver.so.11", "cuSOLVER 11 of CUDA 12", "libcusolver-12-5"),
                    new RequiredLibrary("libcusparse.so.12", "cuSPARSE 12", "libcusparse-12-5"),
                    new RequiredLibrary("libcudnn.so.9", "cuDNN 9", "libcudnn9-cuda-12")),
            List.of(), devices -> Optional.empty());

    /**
     * ND4J 1.0.0-M2.1's {@code nd4j-cuda-11.6}: libnd4jcuda.so links the CUDA runtime statically and
     * needs cuBLAS 11 and cuSOLVER 11 (its ELF NEEDED entries); JavaCPP's CUDA bindings, which ND4J
     * loads first to count the GPUs, need the CUDA 11 runtime. Both look in
     * {@code /usr/local/cuda-11.6/lib64} by themselves (RUNPATH, JavaCPP's link path). CUDA 11 needs
     * driver 450.80.02 or later on Linux.
     */
    static final GpuStack ND4J = new GpuStack("ND4J's CUDA 11.6 build (" + Nd4jCudaKernels.ARTIFACT + ")", "450.80.02",
            List.of(
                    new RequiredLibrary("libcuda.so.1", "the NVIDIA driver's CUDA library", "libnvidia-compute-<driver branch>"),
                    new RequiredLibrary("libcudart.so.11.0", "CUDA 11 runtime", "cuda-cudart-11-8"),
                    new RequiredLibrary("libcublas.so.11", "cuBLAS 11", "libcublas-11-8"),
                    new RequiredLibrary("libcublasLt.so.11", "cuBLASLt 11", "libcublas-11-8"),
                    new RequiredLibrary("libcusolver.so.11", "cuSOLVER 11 of CUDA 11", "libcusolver-11-8")),
            List.of(Path.of("/usr/local/cuda-11.6/lib64")), Nd4jCudaKernels::problem);

    /** What keeps this build from running here, said so that a user can fix it; empty when nothing does. */
    Optional<String> problem(GpuDetection detection, SharedLibraries loader) {
        if (!DriverVersion.atLeast(detection.driverVersion(), minimumDriver)) {
            return Optional.of(summary + " needs NVIDIA driver " + minimumDriver + " or later, and this machine has "
                    + detection.driverVersion() + "; update the driver");
        }
        Optional<String> devicesProblem = devices.apply(detection.devices());
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
