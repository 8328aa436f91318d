package io.github.opcompare.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceComparisonsTest {
    private static final List<BackendInfo> BACKENDS = List.of(
            info("tensorflow-cpu", "tensorflow", "cpu"),
            info("nd4j-cpu", "nd4j", "cpu"),
            info("tensorflow-gpu", "tensorflow", "gpu"),
            info("nd4j-gpu", "nd4j", "gpu"));

    @Test
    void pairsEachLibrarysCpuWithItsGpuAndDividesMediansAtCommonSizes() {
        List<BackendResult> results = List.of(
                ok("tensorflow-cpu", timing(100, 2_000), timing(1_000_000, 800_000)),
                ok("nd4j-cpu", timing(100, 1_000)),
                ok("tensorflow-gpu", timing(100, 4_000), timing(10_000, 5_000), timing(1_000_000, 20_000)),
                BackendResult.notRun("nd4j-gpu", Status.SKIPPED, "no kernels for compute capability 9.0"));
        List<Agreement> agreement = List.of(
                new Agreement("tensorflow-cpu", "nd4j-cpu", 0.5, 3L),
                new Agreement("tensorflow-cpu", "tensorflow-gpu", 0.75, 1L));

        List<DeviceComparison> devices = DeviceComparisons.of(BACKENDS, results, agreement);

        // nd4j-gpu was skipped, so only TensorFlow has both devices.
        assertEquals(1, devices.size());
        DeviceComparison tf = devices.get(0);
        assertEquals("tensorflow", tf.library());
        assertEquals("tensorflow-cpu", tf.cpu());
        assertEquals("tensorflow-gpu", tf.gpu());
        assertEquals(0.75, tf.identical());
        assertEquals(1L, tf.maxSteps());
        // Sizes timed on both: 100 (2000/4000 = 0.5, the GPU slower) and 10^6 (800000/20000 = 40).
        assertEquals(List.of(
                new DeviceComparison.Speedup(100, 2_000, 4_000, 0.5),
                new DeviceComparison.Speedup(1_000_000, 800_000, 20_000, 40.0)), tf.speedups());
    }

    @Test
    void findsThePairWhicheverOrderTheAgreementListsIt() {
        List<BackendResult> results = List.of(ok("nd4j-cpu"), ok("nd4j-gpu"));
        List<DeviceComparison> devices = DeviceComparisons.of(BACKENDS, results,
                List.of(new Agreement("nd4j-gpu", "nd4j-cpu", 1.0, 0L)));
        assertEquals(1, devices.size());
        assertEquals(1.0, devices.get(0).identical());
        assertTrue(devices.get(0).speedups().isEmpty(), "neither was timed");
    }

    @Test
    void noComparisonWithoutAGpuBackend() {
        List<BackendResult> results = List.of(ok("tensorflow-cpu"), ok("nd4j-cpu"));
        assertTrue(DeviceComparisons.of(BACKENDS.subList(0, 2), results,
                List.of(new Agreement("tensorflow-cpu", "nd4j-cpu", 0.5, 3L))).isEmpty());
    }

    private static BackendInfo info(String id, String library, String device) {
        return new BackendInfo(id, library, "1", device, 1, "jvm", true, null);
    }

    private static BackendResult ok(String backend, SizeTiming... timing) {
        return new BackendResult(backend, Status.OK.id(), null, null, null, null,
                timing.length == 0 ? null : List.of(timing), null, null, null);
    }

    private static SizeTiming timing(long size, double medianNanos) {
        return new SizeTiming(size, medianNanos, medianNanos, medianNanos, medianNanos, medianNanos, 10, 1,
                new Outliers(0, 0, 0, 0), 0, 0, null, null, null);
    }
}
