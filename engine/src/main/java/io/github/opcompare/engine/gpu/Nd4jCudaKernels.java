package io.github.opcompare.engine.gpu;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which GPUs ND4J's CUDA 11.6 build has kernels for.
 *
 * <p>Measured, not assumed: the {@code .nv_fatbin} section of {@code libnd4jcuda.so} in
 * {@code nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64.jar} holds machine code (cubin) for sm_37, sm_50,
 * sm_52, sm_60, sm_61, sm_70, sm_75, sm_80 and sm_86 (228 kernels images each) and no PTX at all.
 * That matches the release build of deeplearning4j ({@code .github/workflows/build-deploy-linux-cuda-11.6.yml},
 * {@code -Dlibnd4j.compute='3.7 5.0 5.2 6.0 6.1 7.0 7.5 8.0 8.6'}, the same before and after 1.0.0-M2.1),
 * whose CMake turns each entry into {@code -gencode arch=compute_XY,code=sm_XY} and adds PTX only
 * for entries written {@code X.Y+PTX}. Without PTX the driver has nothing to compile for a newer
 * GPU, so an H100 (9.0) fails every launch with "no kernel image is available for execution on the
 * device". Cubin for X.y runs on X.z with z >= y, so 8.9 (Ada) is covered by sm_86 and 3.5 is not.
 *
 * <p>Update {@link #ARTIFACT} and {@link #CUBIN} with the ND4J version in the root pom: the engine's
 * GpuStackTest checks {@link #ARTIFACT} against the root pom's {@code nd4j.version}, and the nd4j-gpu
 * worker's test checks that it is built with that version. The table lives here, not in the worker,
 * because the GPU gate reads it before anything of the worker is resolved (a 600 MB download). The
 * worker's start-up probe (one small op on the GPU) stays the final word on whether kernels run.
 */
public final class Nd4jCudaKernels {
    public static final String ARTIFACT = "org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1";

    static final List<ComputeCapability> CUBIN = List.of(
            new ComputeCapability(3, 7), new ComputeCapability(5, 0), new ComputeCapability(5, 2),
            new ComputeCapability(6, 0), new ComputeCapability(6, 1), new ComputeCapability(7, 0),
            new ComputeCapability(7, 5), new ComputeCapability(8, 0), new ComputeCapability(8, 6));

    private Nd4jCudaKernels() {
    }

    /** Whether ND4J's CUDA build has kernels that run on a GPU of this compute capability. */
    public static boolean covers(ComputeCapability device) {
        return CUBIN.stream().anyMatch(code -> code.binaryRunsOn(device));
    }

    /** Why none of these GPUs can run ND4J's CUDA kernels; empty when at least one can. */
    static Optional<String> problem(List<GpuDevice> devices) {
        if (devices.stream().anyMatch(d -> covers(d.computeCapability()))) {
            return Optional.empty();
        }
        return Optional.of(ARTIFACT + " has no kernels for "
                + devices.stream().map(GpuDevice::describe).collect(Collectors.joining(", "))
                + ": its libnd4jcuda.so carries GPU code for compute capabilities "
                + CUBIN.stream().map(ComputeCapability::toString).collect(Collectors.joining(", "))
                + " only, and no PTX that a newer GPU could compile. Use nd4j-cpu on this machine, or nd4j-gpu on a"
                + " GPU of compute capability 3.7 to 8.9");
    }
}
