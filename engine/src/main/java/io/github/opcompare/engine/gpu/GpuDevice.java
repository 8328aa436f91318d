package io.github.opcompare.engine.gpu;

/**
 * One NVIDIA GPU as nvidia-smi lists it.
 *
 * @param name the product name ({@code NVIDIA H100 80GB HBM3})
 * @param driverVersion the driver's version ({@code 550.54.15})
 * @param computeCapability its compute capability ({@code 9.0})
 * @param memoryBytes its memory, or null where nvidia-smi does not say ({@code [N/A]}, e.g. some vGPUs)
 */
public record GpuDevice(String name, String driverVersion, ComputeCapability computeCapability, Long memoryBytes) {

    /** {@code NVIDIA H100 80GB HBM3 (compute capability 9.0)}: how messages name a GPU. */
    public String describe() {
        return name + " (compute capability " + computeCapability + ")";
    }
}
