package io.github.opcompare.engine.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.SourceDescriptors;
import io.github.opcompare.engine.worker.BackendUnavailableException;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate decides before the resolver is asked, so a skipped GPU backend resolves (downloads) nothing. */
class GpuGateTest {
    static final BackendDescriptor TF_GPU = SourceDescriptors.find("tensorflow-gpu");
    static final BackendDescriptor ND4J_GPU = SourceDescriptors.find("nd4j-gpu");
    static final BackendDescriptor TF_CPU = SourceDescriptors.find("tensorflow-cpu");
    static final WorkerCommand COMMAND = new WorkerCommand(List.of("java", "Worker"), Map.of());
    static final GpuDetection NO_DRIVER = GpuDetection.none(null,
            "/proc/driver/nvidia/version does not exist, so no NVIDIA kernel driver is loaded");

    @TempDir
    Path dir;

    private final List<String> resolved = new ArrayList<>();
    private final WorkerCommandFactory resolver = backend -> {
        resolved.add(backend.id());
        return COMMAND;
    };

    @Test
    void cpuBackendsPassWithoutAnyProbing() throws Exception {
        GpuGate gate = new GpuGate(resolver, () -> fail("no platform check for a CPU backend"),
                () -> fail("no GPU probe for a CPU backend"), () -> fail("no library search for a CPU backend"));
        assertSame(COMMAND, gate.commandFor(TF_CPU));
        assertEquals(List.of("tensorflow-cpu"), resolved);
    }

    @Test
    void withoutAGpuBothGpuBackendsAreSkippedBeforeResolution() {
        AtomicInteger probes = new AtomicInteger();
        GpuGate gate = new GpuGate(resolver, () -> "linux-x86_64", () -> {
            probes.incrementAndGet();
            return NO_DRIVER;
        }, () -> fail("no library search without a GPU"));
        for (BackendDescriptor backend : List.of(TF_GPU, ND4J_GPU)) {
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> gate.commandFor(backend));
            assertEquals("no NVIDIA GPU found: /proc/driver/nvidia/version does not exist, so no NVIDIA kernel driver is"
                    + " loaded. Checked before resolving " + backend.id() + "'s worker, so nothing of it was downloaded",
                    e.getMessage());
        }
        assertEquals(List.of(), resolved, "nothing may be resolved for a skipped GPU backend");
        assertEquals(1, probes.get(), "the GPU is looked for once per run");
    }

    @Test
    void onAnotherPlatformTheGpuIsNotEvenLookedFor() {
        GpuGate gate = new GpuGate(resolver, () -> "macosx-arm64", () -> fail("no GPU probe off linux-x86_64"),
                () -> fail("no library search"));
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> gate.commandFor(TF_GPU));
        assertEquals("tensorflow-gpu runs on linux-x86_64 only, the one platform its GPU build (TensorFlow 2.18's GPU build"
                + " (CUDA 12, cuDNN 9)) is published for, and this machine is macosx-arm64. Checked before resolving"
                + " tensorflow-gpu's worker, so nothing of it was downloaded", e.getMessage());
        assertEquals(List.of(), resolved);
    }

    @Test
    void anH100SkipsNd4jForItsKernelsButLetsTensorFlowThrough() throws Exception {
        GpuDetection h100 = GpuDetection.found("550.54.15", List.of(GpuStackTest.H100));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        for (String name : GpuStackTest.TF_LIBS) {
            Files.writeString(lib.resolve(name), "");
        }
        AtomicInteger searches = new AtomicInteger();
        Supplier<SharedLibraries> everything = () -> {
            searches.incrementAndGet();
            return new SharedLibraries(Map.of(), List.of(lib), List.of());
        };
        GpuGate gate = new GpuGate(resolver, () -> "linux-x86_64", () -> h100, everything);
        assertSame(COMMAND, gate.commandFor(TF_GPU));
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> gate.commandFor(ND4J_GPU));
        assertTrue(e.getMessage().contains("has no kernels for NVIDIA H100 80GB HBM3 (compute capability 9.0)"), e.getMessage());
        assertEquals(List.of("tensorflow-gpu"), resolved);
        assertEquals(1, searches.get(), "libraries are searched once per run");
    }

    @Test
    void missingCudaLibrariesSkipBeforeResolution() {
        GpuDetection a100 = GpuDetection.found("550.54.15", List.of(GpuStackTest.A100));
        GpuGate gate = new GpuGate(resolver, () -> "linux-x86_64", () -> a100,
                () -> new SharedLibraries(Map.of(), List.of(), List.of()));
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> gate.commandFor(TF_GPU));
        assertTrue(e.getMessage().contains("libcudart.so.12 (CUDA 12 runtime)"), e.getMessage());
        assertTrue(e.getMessage().contains("libcudnn.so.9 (cuDNN 9)"), e.getMessage());
        assertEquals(List.of(), resolved);
    }

    @Test
    void theSystemGateOnThisMachine() throws Exception {
        // Whatever this machine has, the gate answers quickly and never resolves a skipped backend.
        long start = System.nanoTime();
        GpuGate gate = GpuGate.around(resolver);
        try {
            gate.commandFor(TF_GPU);
            assertEquals(List.of("tensorflow-gpu"), resolved);
        } catch (BackendUnavailableException e) {
            assertTrue(e.getMessage().endsWith("so nothing of it was downloaded"), e.getMessage());
            assertEquals(List.of(), resolved);
        }
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "the gate took more than 30 s");
    }
}
