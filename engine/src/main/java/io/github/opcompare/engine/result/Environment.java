package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The machine and tools a run was made on, so that results from different machines can be told
 * apart and timings read in context. Whatever cannot be read on this machine is left out.
 *
 * @param cpuMaxMhz the highest frequency the CPU may run at (cpufreq), or the current one from /proc/cpuinfo
 * @param cpuGovernor the cpufreq scaling governor ({@code performance}, {@code powersave}): frequency
 *     scaling is the first suspect when timings drift
 * @param gpus NVIDIA GPUs the driver lists; empty when there are none
 * @param javaFlags the flags of the JVM that ran the engine (each worker records its own in its backend entry)
 * @param referenceFirstPass where the exact reference's float32 first pass took exp, log, sin, cos and
 *     tan from on this JVM ("Math", "StrictMath" or "none"), after checking each against its bound
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
        String os,
        String osVersion,
        String arch,
        String cpuModel,
        int cores,
        Double cpuMaxMhz,
        String cpuGovernor,
        long memoryBytes,
        List<Gpu> gpus,
        String java,
        String javaVendor,
        String javaFlags,
        String maven,
        String hostname,
        String timestamp,
        Map<String, String> referenceFirstPass) {

    /** A machine whose reference sources are not known (results written before they were recorded). */
    public Environment(String os, String osVersion, String arch, String cpuModel, int cores, Double cpuMaxMhz, String cpuGovernor,
            long memoryBytes, List<Gpu> gpus, String java, String javaVendor, String javaFlags, String maven, String hostname,
            String timestamp) {
        this(os, osVersion, arch, cpuModel, cores, cpuMaxMhz, cpuGovernor, memoryBytes, gpus, java, javaVendor, javaFlags, maven,
                hostname, timestamp, null);
    }

    /** One GPU as its driver describes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gpu(String name, String driverVersion, String computeCapability, Long memoryBytes) {
    }
}
