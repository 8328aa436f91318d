package io.github.opcompare.engine.gpu;

import java.util.List;

/**
 * What looking for NVIDIA GPUs found: the GPUs, or why there are none.
 *
 * @param driverVersion the loaded NVIDIA kernel driver's version, or null when none is loaded
 * @param devices the GPUs, in nvidia-smi's order (index 0 first); empty when none were found
 * @param problem why no GPU was found, said so that users can act on it; null when one was
 */
public record GpuDetection(String driverVersion, List<GpuDevice> devices, String problem) {

    public GpuDetection {
        devices = List.copyOf(devices);
        if (devices.isEmpty() == (problem == null)) {
            throw new IllegalArgumentException("A detection has GPUs or a problem, not both or neither");
        }
    }

    static GpuDetection found(String driverVersion, List<GpuDevice> devices) {
        return new GpuDetection(driverVersion, devices, null);
    }

    static GpuDetection none(String driverVersion, String problem) {
        return new GpuDetection(driverVersion, List.of(), problem);
    }

    public boolean found() {
        return !devices.isEmpty();
    }
}
