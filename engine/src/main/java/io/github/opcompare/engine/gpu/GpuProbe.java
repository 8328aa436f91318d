package io.github.opcompare.engine.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for NVIDIA GPUs the cheap way: the kernel driver's {@code /proc/driver/nvidia/version} first
 * (no file, no driver: nothing is started), then {@code nvidia-smi} for the devices, with a short
 * timeout. It runs before anything GPU-related is resolved, so that a machine without a GPU never
 * downloads a GPU build.
 *
 * <p>Usage for the environment record: {@code GpuProbe.detect().devices()}.
 */
public final class GpuProbe {
    /** nvidia-smi usually answers in well under a second; a driver in a bad state can hang it. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern DRIVER_VERSION = Pattern.compile("Kernel Module(?: for \\S+)?\\s+(\\d+(?:\\.\\d+)+)");

    private final Path procRoot;
    private final String nvidiaSmi;
    private final Duration timeout;
    private final CommandRunner runner;

    /**
     * @param procRoot where procfs is mounted ({@code /proc}); tests pass a folder of their own
     * @param nvidiaSmi the nvidia-smi executable, a name looked up on the PATH or a path
     */
    GpuProbe(Path procRoot, String nvidiaSmi, Duration timeout, CommandRunner runner) {
        this.procRoot = procRoot;
        this.nvidiaSmi = nvidiaSmi;
        this.timeout = timeout;
        this.runner = runner;
    }

    /** This machine's GPUs, or why there are none. */
    public static GpuDetection detect() {
        return system().probe();
    }

    static GpuProbe system() {
        return new GpuProbe(Path.of("/proc"), "nvidia-smi", TIMEOUT, CommandRunner.processes());
    }

    GpuDetection probe() {
        Path versionFile = procRoot.resolve("driver/nvidia/version");
        String versionText;
        try {
            versionText = Files.readString(versionFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return GpuDetection.none(null, versionFile + " does not exist, so no NVIDIA kernel driver is loaded: this"
                    + " machine has no NVIDIA GPU, or its driver is not installed (a container sees the host's GPUs only"
                    + " when started with the NVIDIA Container Toolkit, e.g. docker run --gpus all)");
        } catch (IOException e) {
            return GpuDetection.none(null, "cannot read " + versionFile + ": " + e);
        }
        String driver = driverVersion(versionText);
        String loaded = "the NVIDIA driver" + (driver == null ? "" : " " + driver) + " is loaded";
        List<String> command = List.of(nvidiaSmi, "--query-gpu=" + NvidiaSmiOutput.FIELDS, "--format=csv,noheader,nounits");
        CommandRunner.Result result;
        try {
            result = runner.run(command, timeout);
        } catch (IOException e) {
            return GpuDetection.none(driver, loaded + " but " + nvidiaSmi + ", which lists its GPUs, cannot be run ("
                    + e.getMessage() + "); put the driver's nvidia-smi on the PATH (it comes with the driver; Ubuntu package"
                    + " nvidia-utils-" + (driver == null ? "<driver branch>" : driver.replaceFirst("\\..*", ""))
                    + ", Debian package nvidia-smi)");
        }
        String output = result.output().strip();
        if (result.timedOut()) {
            String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
            return GpuDetection.none(driver, loaded + " but nvidia-smi did not answer within " + limit + "; run '"
                    + String.join(" ", command) + "' to see why");
        }
        if (output.contains("No devices were found")) {
            return GpuDetection.none(driver, loaded + " but nvidia-smi lists no GPU ('" + firstLine(output) + "')");
        }
        if (result.exitCode() != 0) {
            return GpuDetection.none(driver, loaded + " but nvidia-smi failed (exit status " + result.exitCode() + ": "
                    + firstLine(output) + "); run '" + String.join(" ", command) + "' to see why");
        }
        List<GpuDevice> devices = NvidiaSmiOutput.parse(output);
        if (devices.isEmpty()) {
            return GpuDetection.none(driver, output.isEmpty()
                    ? loaded + " but nvidia-smi lists no GPU"
                    : loaded + " but nvidia-smi printed no GPU line opcompare understands (expected '"
                            + NvidiaSmiOutput.FIELDS.replace(",", ", ") + "'): '" + firstLine(output) + "'");
        }
        return GpuDetection.found(driver, devices);
    }

    /** {@code 550.54.15} from "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 ..." (open modules say "Open Kernel Module for x86_64"). */
    static String driverVersion(String procVersion) {
        Matcher m = DRIVER_VERSION.matcher(procVersion);
        return m.find() ? m.group(1) : null;
    }

    private static String firstLine(String text) {
        String line = text.isEmpty() ? "no output" : text.split("\\R", 2)[0].strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
