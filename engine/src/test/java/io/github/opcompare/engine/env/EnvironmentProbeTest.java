package io.github.opcompare.engine.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.gpu.ComputeCapability;
import io.github.opcompare.engine.gpu.GpuDetection;
import io.github.opcompare.engine.gpu.GpuDevice;
import io.github.opcompare.engine.result.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentProbeTest {
    @TempDir
    Path dir;

    @Test
    void readsTheCpuModelFrequencyCeilingAndGovernor() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Files.writeString(proc.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: AMD EPYC 7B13\ncpu MHz\t\t: 2445.404\n");
        Path cpufreq = Files.createDirectories(dir.resolve("sys/devices/system/cpu/cpu0/cpufreq"));
        Files.writeString(cpufreq.resolve("cpuinfo_max_freq"), "3500000\n");
        Files.writeString(cpufreq.resolve("scaling_governor"), "performance\n");
        EnvironmentProbe probe = new EnvironmentProbe(proc, dir.resolve("sys"));
        assertEquals("AMD EPYC 7B13", probe.cpuModel());
        assertEquals(3500.0, probe.cpuMaxMhz()); // kHz in sysfs
        assertEquals("performance", probe.cpuGovernor());
    }

    @Test
    void withoutCpufreqTheCurrentFrequencyAndNoGovernor() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Files.writeString(proc.resolve("cpuinfo"), "model name\t: X\ncpu MHz\t\t: 2445.404\n");
        EnvironmentProbe probe = new EnvironmentProbe(proc, dir.resolve("sys"));
        assertEquals(2445.404, probe.cpuMaxMhz());
        assertNull(probe.cpuGovernor());
    }

    @Test
    void recordsEachDetectedGpuWithDriverComputeCapabilityAndMemory() {
        GpuDevice h100 = new GpuDevice("NVIDIA H100 80GB HBM3", "550.54.15", new ComputeCapability(9, 0), 85_520_809_984L);
        GpuDevice vgpu = new GpuDevice("GRID A100-8C", "550.54.15", new ComputeCapability(8, 0), null);
        assertEquals(List.of(
                new Environment.Gpu("NVIDIA H100 80GB HBM3", "550.54.15", "9.0", 85_520_809_984L),
                new Environment.Gpu("GRID A100-8C", "550.54.15", "8.0", null)),
                EnvironmentProbe.gpus(new GpuDetection("550.54.15", List.of(h100, vgpu), null)));
        assertEquals(List.of(), EnvironmentProbe.gpus(new GpuDetection(null, List.of(), "no NVIDIA kernel driver")));
    }

    @Test
    void recordsWhereTheReferencesFirstPassTakesEachFunctionFrom() {
        Environment env = EnvironmentProbe.capture("3.8.7", List.of());
        assertEquals(List.of("exp", "log", "sin", "cos", "tan"), List.copyOf(env.referenceFirstPass().keySet()));
        for (String source : env.referenceFirstPass().values()) {
            assertTrue(Set.of("Math", "StrictMath", "none").contains(source), source);
        }
    }
}
