package io.github.opcompare.engine.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.SourceDescriptors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host prerequisites of each GPU build, as the backends' descriptors state them: driver, CUDA libraries, GPUs with kernels. */
class GpuStackTest {
    static final GpuDevice H100 = new GpuDevice("NVIDIA H100 80GB HBM3", "550.54.15", new ComputeCapability(9, 0), 85_520_809_984L);
    static final GpuDevice A100 = new GpuDevice("NVIDIA A100-SXM4-40GB", "550.54.15", new ComputeCapability(8, 0), 42_949_672_960L);
    static final List<String> TF_LIBS = List.of("libcuda.so.1", "libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12",
            "libcufft.so.11", "libcusolver.so.11", "libcusparse.so.12", "libcudnn.so.9");
    static final List<String> ND4J_LIBS = List.of("libcuda.so.1", "libcudart.so.11.0", "libcublas.so.11", "libcublasLt.so.11",
            "libcusolver.so.11");

    static final GpuStack TENSORFLOW = GpuStack.of(SourceDescriptors.find("tensorflow-gpu"));
    static final GpuStack ND4J = GpuStack.of(SourceDescriptors.find("nd4j-gpu"));
    static final KernelCoverage ND4J_KERNELS = new KernelCoverage(SourceDescriptors.find("nd4j-gpu").gpu().kernels());

    @TempDir
    Path dir;

    @Test
    void tensorFlowWithEverythingInstalledHasNoProblem() throws IOException {
        Path lib = libs("lib", TF_LIBS);
        assertEquals(Optional.empty(), TENSORFLOW.problem(found("550.54.15", H100), loader(List.of(lib), List.of())));
    }

    @Test
    void tensorFlowWithoutCudnnSaysWhatIsMissingAndHowToInstallIt() throws IOException {
        Path lib = libs("lib", TF_LIBS.subList(0, TF_LIBS.size() - 1));
        String problem = TENSORFLOW.problem(found("550.54.15", H100), loader(List.of(lib), List.of())).orElseThrow();
        assertTrue(problem.contains("it lacks libcudnn.so.9 (cuDNN 9)"), problem);
        assertFalse(problem.contains("libcudart.so.12"), "only the missing library is named: " + problem);
        assertTrue(problem.contains("apt-get install libcudnn9-cuda-12"), problem);
        assertTrue(problem.contains("or add the directory that holds them to LD_LIBRARY_PATH"), problem);
        assertTrue(problem.contains("Searched: " + lib), problem);
    }

    @Test
    void tensorFlowWithNoCudaAtAllNamesEveryPackageOnce() {
        String problem = TENSORFLOW.problem(found("550.54.15", H100), loader(List.of(), List.of())).orElseThrow();
        assertTrue(problem.contains("apt-get install libnvidia-compute-550 cuda-cudart-12-5 libcublas-12-5 libcufft-12-5"
                + " libcusolver-12-5 libcusparse-12-5 libcudnn9-cuda-12)"), problem);
    }

    @Test
    void aCudaToolkitOffTheLoadersPathIsNamedWithTheDirectoryToAdd() throws IOException {
        Path driver = libs("driver", List.of("libcuda.so.1"));
        Path toolkit = libs("cuda-12.5/lib64", TF_LIBS.subList(1, TF_LIBS.size()));
        String problem = TENSORFLOW.problem(found("550.54.15", H100), loader(List.of(driver), List.of(toolkit)))
                .orElseThrow();
        assertFalse(problem.contains("apt-get"), problem);
        assertTrue(problem.contains("libcudnn.so.9 (in " + toolkit + ")"), problem);
        assertTrue(problem.contains("export LD_LIBRARY_PATH=" + toolkit + ":$LD_LIBRARY_PATH"), problem);
    }

    @Test
    void anOldDriverIsNamedBeforeAnyLibrary() {
        String problem = TENSORFLOW.problem(found("470.256.02", A100), loader(List.of(), List.of())).orElseThrow();
        assertEquals("TensorFlow 2.18's GPU build (CUDA 12, cuDNN 9) needs NVIDIA driver 525.60.13 or later, and this machine"
                + " has 470.256.02; update the driver", problem);
    }

    @Test
    void librariesInTheLdconfigCacheCount() throws IOException {
        Path lib = libs("lib", ND4J_LIBS);
        Map<String, Path> cache = SharedLibraries.parseLdconfig(ND4J_LIBS.stream()
                .map(name -> "\t" + name + " (libc6,x86-64) => " + lib.resolve(name))
                .reduce("5 libs found in cache `/etc/ld.so.cache'", (a, b) -> a + "\n" + b));
        SharedLibraries loader = new SharedLibraries(cache, List.of(), List.of());
        assertEquals(Optional.empty(), ND4J.problem(found("550.54.15", A100), loader));
    }

    @Test
    void thirtyTwoBitEntriesOfTheLdconfigCacheDoNotCount() {
        Map<String, Path> cache = SharedLibraries.parseLdconfig(
                "\tlibcudart.so.11.0 (libc6) => /usr/lib32/libcudart.so.11.0\n"
                        + "\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1\n");
        assertEquals(Map.of("libcuda.so.1", Path.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1")), cache);
    }

    @Test
    void nd4jLooksInTheCuda116DirectoryItWasLinkedWith() {
        assertEquals(List.of(Path.of("/usr/local/cuda-11.6/lib64")), ND4J.ownSearchDirs());
    }

    @Test
    void nd4jOnAnH100HasNoKernels() throws IOException {
        Path lib = libs("lib", ND4J_LIBS);
        String problem = ND4J.problem(found("550.54.15", H100), loader(List.of(lib), List.of())).orElseThrow();
        assertEquals("org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1 has no kernels for NVIDIA H100 80GB HBM3 (compute capability 9.0):"
                + " its libnd4jcuda.so carries GPU code for compute capabilities 3.7, 5.0, 5.2, 6.0, 6.1, 7.0, 7.5, 8.0, 8.6"
                + " only, and no PTX that a newer GPU could compile. Use nd4j-cpu on this machine, or nd4j-gpu on a GPU of"
                + " compute capability 3.7 to 8.9", problem);
    }

    @Test
    void nd4jRunsWhenAnyGpuHasKernels() throws IOException {
        Path lib = libs("lib", ND4J_LIBS);
        assertEquals(Optional.empty(), ND4J.problem(found("550.54.15", H100, A100), loader(List.of(lib), List.of())));
    }

    /** CUDA's binary compatibility: cubin for X.y runs on X.z, z >= y, of the same major version only. */
    @Test
    void nd4jKernelCoverageByComputeCapability() {
        for (String covered : List.of("3.7", "5.0", "5.2", "5.3", "6.0", "6.1", "6.2", "7.0", "7.2", "7.5", "8.0", "8.6", "8.7", "8.9")) {
            assertTrue(ND4J_KERNELS.covers(ComputeCapability.parse(covered)), covered);
        }
        for (String uncovered : List.of("3.0", "3.5", "9.0", "10.0", "12.0")) {
            assertFalse(ND4J_KERNELS.covers(ComputeCapability.parse(uncovered)), uncovered);
        }
    }

    /**
     * The table of GPUs with kernels was measured on one nd4j-cuda-11.6 version: the one the build uses
     * (the root pom's nd4j.version, which the nd4j-gpu worker is built with and names in its
     * descriptor, as its own test checks). A version bump fails here until it is re-measured.
     */
    @Test
    void theKernelTableIsForTheNd4jVersionTheBuildUses() {
        String built = System.getProperty("opcompare.nd4j.version");
        assertTrue(built != null && !built.isBlank(), "surefire passes the root pom's nd4j.version");
        assertEquals("org.nd4j:nd4j-cuda-11.6:" + built, SourceDescriptors.find("nd4j-gpu").gpu().kernels().artifact());
    }

    @Test
    void driverVersionsCompareNumberByNumber() {
        assertTrue(DriverVersion.atLeast("525.60.13", "525.60.13"));
        assertTrue(DriverVersion.atLeast("525.105.17", "525.60.13")); // 105 > 60, though "1" < "6" as text
        assertFalse(DriverVersion.atLeast("525.60.11", "525.60.13"));
        assertFalse(DriverVersion.atLeast("470.256.02", "525.60.13"));
        assertTrue(DriverVersion.atLeast("550", "525.60.13"));
        assertTrue(DriverVersion.atLeast(null, "525.60.13"));
    }

    @Test
    void computeCapabilitiesParseAsNvidiaSmiPrintsThem() {
        assertEquals(new ComputeCapability(12, 0), ComputeCapability.parse("12.0"));
        assertEquals("8.6", ComputeCapability.parse(" 8.6 ").toString());
        for (String bad : List.of("9", "9.0.1", "[N/A]", "", "x.y")) {
            try {
                ComputeCapability.parse(bad);
                throw new AssertionError("parsed '" + bad + "'");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("Not a CUDA compute capability"));
            }
        }
    }

    private static GpuDetection found(String driver, GpuDevice... devices) {
        return GpuDetection.found(driver, List.of(devices));
    }

    private static SharedLibraries loader(List<Path> loaderDirs, List<Path> otherDirs) {
        return new SharedLibraries(Map.of(), loaderDirs, otherDirs);
    }

    private Path libs(String folder, List<String> names) throws IOException {
        Path lib = Files.createDirectories(dir.resolve(folder));
        for (String name : names) {
            Files.writeString(lib.resolve(name), "not really ELF");
        }
        return lib;
    }
}
