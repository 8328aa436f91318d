package io.github.opcompare.engine.gpu;

import io.github.opcompare.engine.backend.KernelImages;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which GPUs a GPU build has kernels for, from the kernel table in its descriptor.
 *
 * <p>A build carries machine code (cubin) for some compute capabilities and, optionally, PTX. Cubin
 * for X.y runs on X.z with z >= y, never on another major version; without PTX the driver has
 * nothing to compile for a newer GPU, and every launch fails with "no kernel image is available for
 * execution on the device". The table is read before anything of the worker is resolved (a download
 * of hundreds of MB); the worker's start-up probe stays the final word on whether kernels run.
 */
final class KernelCoverage {
    private final KernelImages images;
    private final List<ComputeCapability> cubin;

    KernelCoverage(KernelImages images) {
        this.images = images;
        this.cubin = images.computeCapabilities().stream().map(ComputeCapability::parse).sorted().toList();
    }

    /** Whether the build has kernels that run on a GPU of this compute capability. */
    boolean covers(ComputeCapability device) {
        if (cubin.stream().anyMatch(code -> code.binaryRunsOn(device))) {
            return true;
        }
        // PTX is compiled by the driver for the GPU it finds, so it serves every newer GPU too.
        return images.ptx() && cubin.get(0).compareTo(device) <= 0;
    }

    /**
     * Why none of these GPUs can run the build's kernels; empty when at least one can.
     *
     * @param backendId the GPU backend, suggested for GPUs it covers
     */
    Optional<String> problem(List<GpuDevice> devices, String backendId) {
        if (devices.stream().anyMatch(d -> covers(d.computeCapability()))) {
            return Optional.empty();
        }
        ComputeCapability newest = cubin.get(cubin.size() - 1);
        return Optional.of(images.artifact() + " has no kernels for "
                + devices.stream().map(GpuDevice::describe).collect(Collectors.joining(", "))
                + ": its " + images.file() + " carries GPU code for compute capabilities "
                + cubin.stream().map(ComputeCapability::toString).collect(Collectors.joining(", "))
                + " only, and " + (images.ptx() ? "PTX only from " + cubin.get(0) : "no PTX that a newer GPU could compile")
                + ". Use " + images.otherwise() + " on this machine, or " + backendId + " on a GPU of compute capability "
                + cubin.get(0) + " to " + (images.ptx() ? "any newer" : newest.major() + ".9"));
    }
}
