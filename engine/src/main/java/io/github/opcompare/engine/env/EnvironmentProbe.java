package io.github.opcompare.engine.env;

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

/** Captures the machine a run is made on. Reads what it can and leaves the rest null. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    public static Environment capture(String mavenVersion) {
        return new Environment(
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memoryBytes(),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                mavenVersion,
                hostname(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                List<String> lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
                for (String line : lines) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
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
