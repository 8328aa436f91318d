package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.DeviceComparison;
import io.github.opcompare.engine.result.Results;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPU against GPU through real forked workers: one library (the java-math test worker) started twice,
 * once saying it runs on the CPU and once on the GPU, the "GPU" four times cheaper per element.
 */
class DeviceComparisonRunTest {
    @TempDir
    Path dir;

    @Test
    void aLibraryOnBothDevicesGetsItsAgreementAndSpeedUpPerSizeInResultsJson() throws Exception {
        List<BackendDescriptor> backends = List.of(
                new BackendDescriptor("java-math-cpu", "java-math", "cpu", "unused",
                        Map.of("OPCOMPARE_TEST_COST", "0,400")),
                new BackendDescriptor("java-math-gpu", "java-math", "gpu", "unused",
                        Map.of("OPCOMPARE_TEST_COST", "0,100", "OPCOMPARE_TEST_DEVICE", "gpu")));
        var cases = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float64"), "uniform(0,100)", 50, 7)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(1_000, 10_000), Duration.ofMillis(1500), 1, false,
                Duration.ofSeconds(60), Duration.ofSeconds(60), 3, EnvironmentProbe.capture("test", List.of()), "test");
        Results results = new ComparisonRunner(settings, FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, backends);

        CaseResult sqrt = results.cases().get(0);
        assertEquals(1, sqrt.devices().size());
        DeviceComparison d = sqrt.devices().get(0);
        assertEquals("java-math", d.library());
        assertEquals("java-math-cpu", d.cpu());
        assertEquals("java-math-gpu", d.gpu());
        // The same Math.sqrt on both "devices": every output is identical.
        assertEquals(1.0, d.identical());
        assertEquals(0L, d.maxSteps());
        assertEquals(List.of(1_000L, 10_000L), d.speedups().stream().map(DeviceComparison.Speedup::size).toList());
        for (DeviceComparison.Speedup s : d.speedups()) {
            assertEquals(s.cpuMedianNanos() / s.gpuMedianNanos(), s.speedup(), 1e-12);
            // What matters is which side is divided by which: the CPU backend's median at that size over
            // the GPU backend's. (Busy waits of 400 and 100 ns per element make it about 4 on a quiet
            // machine; its value is not asserted, a shared machine moves it.)
            assertEquals(medianAt(sqrt, "java-math-cpu", s.size()), s.cpuMedianNanos());
            assertEquals(medianAt(sqrt, "java-math-gpu", s.size()), s.gpuMedianNanos());
        }
        var schemaErrors = FaultyRuns.schemaErrors(settings.resultsFile());
        assertTrue(schemaErrors.isEmpty(), schemaErrors.toString());
    }

    private static double medianAt(CaseResult c, String backend, long size) {
        return c.results().stream().filter(r -> r.backend().equals(backend)).findFirst().orElseThrow()
                .timing().stream().filter(t -> t.size() == size).findFirst().orElseThrow().medianNanos();
    }

    @Test
    void noDevicesEntryWhenNoLibraryRanOnBoth() throws Exception {
        var cases = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float64"), "uniform(0,100)", 50, 7)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(), Duration.ZERO, 1, false,
                Duration.ofSeconds(60), Duration.ofSeconds(60), 3, EnvironmentProbe.capture("test", List.of()), "test");
        Results results = new ComparisonRunner(settings, FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, List.of(new BackendDescriptor("java-math-cpu", "java-math", "cpu", "unused", Map.of())));
        assertNull(results.cases().get(0).devices());
    }
}
