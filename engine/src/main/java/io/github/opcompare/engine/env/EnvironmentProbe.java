package io.github.opcompare.engine.env;

import io.github.opcompare.engine.gpu.GpuDetection;
import io.github.opcompare.engine.reference.ReferenceFirstPass;
import io.github.opcompare.engine.result.Environment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Captures the machine a run is made on. Reads what it can and leaves the rest null. */
public final class EnvironmentProbe {
    private final Path procRoot;
    private final Path sysRoot;

    EnvironmentProbe(Path procRoot, Path sysRoot) {
        this.procRoot = procRoot;
        this.sysRoot = sysRoot;
    }

    /** @param gpus the GPUs found by the GPU probe (empty without one) */
    public static Environment capture(String mavenVersion, List<Environment.Gpu> gpus) {
        return new EnvironmentProbe(Path.of("/proc"), Path.of("/sys")).environment(mavenVersion, gpus);
    }

    /** The machine, with the GPUs a detection found (none when it found none). */
    public static Environment capture(String mavenVersion, GpuDetection detection) {
        return capture(mavenVersion, gpus(detection));
    }

    static List<Environment.Gpu> gpus(GpuDetection detection) {
        return detection.devices().stream()
                .map(d -> new Environment.Gpu(d.name(), d.driverVersion(),
                        d.computeCapability() == null ? null : d.computeCapability().toString(), d.memoryBytes()))
                .toList();
    }

    Environment environment(String mavenVersion, List<Environment.Gpu> gpus) {
        return new Environment(
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                cpuMaxMhz(),
                cpuGovernor(),
                memoryBytes(),
                List.copyOf(gpus),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                mavenVersion,
                hostname(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                ReferenceFirstPass.sources());
    }

    String cpuModel() {
        return cpuinfoField("model name").orElse(null);
    }

    /** cpufreq's ceiling in kHz when the kernel exposes it (not in most VMs), else the MHz /proc/cpuinfo shows now. */
    Double cpuMaxMhz() {
        Optional<String> maxKhz = firstLine(sysRoot.resolve("devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"));
        try {
            if (maxKhz.isPresent()) {
                return Double.parseDouble(maxKhz.get().strip()) / 1000.0;
            }
            Optional<String> mhz = cpuinfoField("cpu MHz");
            return mhz.isPresent() ? Double.valueOf(mhz.get()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String cpuGovernor() {
        return firstLine(sysRoot.resolve("devices/system/cpu/cpu0/cpufreq/scaling_governor")).map(String::strip).orElse(null);
    }

    private Optional<String> cpuinfoField(String name) {
        Path cpuinfo = procRoot.resolve("cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
                    return Optional.of(line.substring(colon + 1).strip());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> firstLine(Path file) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long memoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return 0;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
