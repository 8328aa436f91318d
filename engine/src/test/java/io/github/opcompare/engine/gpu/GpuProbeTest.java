package io.github.opcompare.engine.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class GpuProbeTest {
    /** The first line of /proc/driver/nvidia/version with NVIDIA's proprietary kernel module. */
    static final String PROPRIETARY = "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 22:23:56 UTC 2024\n"
            + "GCC version:  gcc version 12.3.0 (Ubuntu 12.3.0-1ubuntu1~22.04)\n";
    /** The same with the open kernel module, which names the architecture differently. */
    static final String OPEN = "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  535.183.01  Release Build  (dvs-builder@U16-I3-B03-4-3)\n";
    static final String H100 = "NVIDIA H100 80GB HBM3, 550.54.15, 9.0, 81559\n";

    @TempDir
    Path dir;

    private final List<List<String>> commands = new ArrayList<>();

    @Test
    void withoutTheDriverFileNoProcessIsStarted() {
        GpuProbe probe = new GpuProbe(dir, "nvidia-smi", Duration.ofSeconds(1), (command, timeout) -> {
            fail("nothing may be started without a driver: " + command);
            return null;
        });
        GpuDetection detection = probe.probe();
        assertFalse(detection.found());
        assertNull(detection.driverVersion());
        assertTrue(detection.problem().contains(dir.resolve("driver/nvidia/version") + " does not exist"), detection.problem());
        assertTrue(detection.problem().contains("no NVIDIA kernel driver is loaded"), detection.problem());
    }

    @Test
    void oneH100() throws IOException {
        GpuDetection detection = probe(PROPRIETARY, answer(0, H100));
        assertTrue(detection.found(), detection.problem());
        assertEquals("550.54.15", detection.driverVersion());
        GpuDevice gpu = detection.devices().get(0);
        assertEquals("NVIDIA H100 80GB HBM3", gpu.name());
        assertEquals("550.54.15", gpu.driverVersion());
        assertEquals(new ComputeCapability(9, 0), gpu.computeCapability());
        assertEquals(85_520_809_984L, gpu.memoryBytes()); // 81559 MiB
        assertEquals(List.of("nvidia-smi", "--query-gpu=name,driver_version,compute_cap,memory.total",
                "--format=csv,noheader,nounits"), commands.get(0));
    }

    @Test
    void twoGpusInNvidiaSmisOrderOneNameWithACommaAndOneWithoutMemory() throws IOException {
        GpuDetection detection = probe(OPEN, answer(0,
                "NVIDIA A100-SXM4-40GB, 535.183.01, 8.0, 40960\nGRID A100X-4C, vGPU, 535.183.01, 8.0, [N/A]\n"));
        assertEquals("535.183.01", detection.driverVersion());
        assertEquals(2, detection.devices().size());
        assertEquals(42_949_672_960L, detection.devices().get(0).memoryBytes()); // 40960 MiB = 40 GiB
        assertEquals("GRID A100X-4C, vGPU", detection.devices().get(1).name());
        assertNull(detection.devices().get(1).memoryBytes());
    }

    @Test
    void driverButNoDevices() throws IOException {
        // What nvidia-smi prints, with exit status 6, when the driver is loaded and no GPU is there.
        GpuDetection detection = probe(PROPRIETARY, answer(6, "No devices were found\n"));
        assertFalse(detection.found());
        assertEquals("550.54.15", detection.driverVersion());
        assertEquals("the NVIDIA driver 550.54.15 is loaded but nvidia-smi lists no GPU ('No devices were found')",
                detection.problem());
    }

    @Test
    void nvidiaSmiMissing() throws IOException {
        GpuDetection detection = probe(PROPRIETARY, (command, timeout) -> {
            throw new IOException("Cannot run program \"nvidia-smi\": error=2, No such file or directory");
        });
        assertFalse(detection.found());
        assertTrue(detection.problem().startsWith("the NVIDIA driver 550.54.15 is loaded but nvidia-smi, which lists its GPUs,"
                + " cannot be run (Cannot run program"), detection.problem());
        assertTrue(detection.problem().contains("nvidia-utils-550"), detection.problem());
    }

    @Test
    void nvidiaSmiFailing() throws IOException {
        GpuDetection detection = probe(PROPRIETARY, answer(18, "Failed to initialize NVML: Driver/library version mismatch\n"
                + "NVML library version: 550.90\n"));
        assertFalse(detection.found());
        assertTrue(detection.problem().contains("nvidia-smi failed (exit status 18: Failed to initialize NVML: Driver/library"
                + " version mismatch)"), detection.problem());
    }

    @Test
    void nvidiaSmiTooOldForComputeCap() throws IOException {
        // Drivers before R510 do not know the compute_cap field.
        GpuDetection detection = probe(PROPRIETARY, answer(2, "Field \"compute_cap\" is not a valid field to query.\n"));
        assertTrue(detection.problem().contains("Field \"compute_cap\" is not a valid field to query."), detection.problem());
    }

    @Test
    void garbageOutput() throws IOException {
        GpuDetection detection = probe(PROPRIETARY, answer(0, "\u0000\u0001 something, else\nNVIDIA X, not-a-version, 9.0, 1\n"));
        assertFalse(detection.found());
        assertTrue(detection.problem().contains("printed no GPU line opcompare understands"), detection.problem());
    }

    @Test
    void emptyOutput() throws IOException {
        GpuDetection detection = probe(PROPRIETARY, answer(0, ""));
        assertEquals("the NVIDIA driver 550.54.15 is loaded but nvidia-smi lists no GPU", detection.problem());
    }

    @Test
    void readsBothDriverVersionLines() {
        assertEquals("550.54.15", GpuProbe.driverVersion(PROPRIETARY));
        assertEquals("535.183.01", GpuProbe.driverVersion(OPEN));
        assertNull(GpuProbe.driverVersion("something else"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // a shell script stands in for nvidia-smi
    void aRealProcessIsRunAndItsOutputRead() throws IOException {
        Path smi = script("fake-nvidia-smi", "#!/bin/sh\necho '" + H100.strip() + "'\n");
        GpuDetection detection = new GpuProbe(procWith(PROPRIETARY), smi.toString(), Duration.ofSeconds(10),
                CommandRunner.processes()).probe();
        assertEquals(new ComputeCapability(9, 0), detection.devices().get(0).computeCapability(), detection.problem());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aHungNvidiaSmiIsEndedAtTheTimeout() throws IOException {
        Path smi = script("hung-nvidia-smi", "#!/bin/sh\nsleep 30\n");
        long start = System.nanoTime();
        GpuDetection detection = new GpuProbe(procWith(PROPRIETARY), smi.toString(), Duration.ofMillis(300),
                CommandRunner.processes()).probe();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "took " + millis + " ms");
        assertTrue(detection.problem().contains("nvidia-smi did not answer within 300 ms"), detection.problem());
    }

    private GpuDetection probe(String procVersion, CommandRunner runner) throws IOException {
        return new GpuProbe(procWith(procVersion), "nvidia-smi", Duration.ofSeconds(1), runner).probe();
    }

    private Path procWith(String procVersion) throws IOException {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("driver/nvidia"));
        Files.writeString(proc.resolve("driver/nvidia/version"), procVersion);
        return proc;
    }

    private CommandRunner answer(int exitCode, String output) {
        return (command, timeout) -> {
            commands.add(command);
            return new CommandRunner.Result(exitCode, output, false);
        };
    }

    private Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
