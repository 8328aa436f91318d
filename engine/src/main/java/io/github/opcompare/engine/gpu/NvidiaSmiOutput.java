package io.github.opcompare.engine.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the answer to {@code nvidia-smi --query-gpu=name,driver_version,compute_cap,memory.total
 * --format=csv,noheader,nounits}: one line per GPU, {@code NVIDIA H100 80GB HBM3, 550.54.15, 9.0, 81559},
 * memory in MiB.
 */
final class NvidiaSmiOutput {
    static final String FIELDS = "name,driver_version,compute_cap,memory.total";
    private static final long MIB = 1024L * 1024L;

    private NvidiaSmiOutput() {
    }

    /** The GPUs on lines that parse; lines that do not (warnings, garbage) are left out. */
    static List<GpuDevice> parse(String output) {
        List<GpuDevice> devices = new ArrayList<>();
        for (String line : output.split("\\R")) {
            GpuDevice device = parseLine(line);
            if (device != null) {
                devices.add(device);
            }
        }
        return devices;
    }

    /**
     * One GPU, or null. Split from the right: the last three fields never hold a comma, while a
     * product name might.
     */
    static GpuDevice parseLine(String line) {
        int c3 = line.lastIndexOf(',');
        int c2 = c3 < 0 ? -1 : line.lastIndexOf(',', c3 - 1);
        int c1 = c2 < 0 ? -1 : line.lastIndexOf(',', c2 - 1);
        if (c1 <= 0) {
            return null;
        }
        String name = line.substring(0, c1).strip();
        String driver = line.substring(c1 + 1, c2).strip();
        String capability = line.substring(c2 + 1, c3).strip();
        String memory = line.substring(c3 + 1).strip();
        if (name.isEmpty() || !driver.matches("\\d+(\\.\\d+)+")) {
            return null;
        }
        ComputeCapability cc;
        try {
            cc = ComputeCapability.parse(capability);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Long bytes = memory.matches("\\d{1,9}") ? Long.parseLong(memory) * MIB : null;
        return new GpuDevice(name, driver, cc, bytes);
    }
}
