package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackendCatalogTest {

    @Test
    void emptySelectionMeansEveryCpuBackend() {
        List<String> cpu = List.of("tensorflow-cpu", "nd4j-cpu", "numpy", "jdk", "jdk-strict");
        assertEquals(cpu, ids(BackendCatalog.select(List.of())));
        assertEquals(cpu, ids(BackendCatalog.select(null)));
    }

    @Test
    void gpuBackendsRunOnlyWhenNamed() {
        assertEquals(List.of("tensorflow-gpu", "nd4j-gpu"), ids(BackendCatalog.select(List.of("tensorflow-gpu,nd4j-gpu"))));
        BackendDescriptor tf = BackendCatalog.find("tensorflow-gpu").orElseThrow();
        assertEquals("gpu", tf.device());
        assertEquals("opcompare-backend-tensorflow", tf.workerArtifactId());
        assertEquals("gpu", tf.environment().get("OPCOMPARE_TF_DEVICE"));
        // tensorflow-cpu hides the GPU with an empty CUDA_VISIBLE_DEVICES; the GPU backend must not.
        assertTrue(!tf.environment().containsKey("CUDA_VISIBLE_DEVICES"), tf.environment().toString());
        assertEquals("", BackendCatalog.find("tensorflow-cpu").orElseThrow().environment().get("CUDA_VISIBLE_DEVICES"));
        BackendDescriptor nd4j = BackendCatalog.find("nd4j-gpu").orElseThrow();
        assertEquals("gpu", nd4j.device());
        assertEquals("opcompare-backend-nd4j-gpu", nd4j.workerArtifactId());
    }

    @Test
    void acceptsCommaSeparatedAndListFormsAlike() {
        List<String> fromString = ids(BackendCatalog.select(List.of("nd4j-cpu, tensorflow-cpu")));
        List<String> fromList = ids(BackendCatalog.select(List.of("nd4j-cpu", "tensorflow-cpu")));
        assertEquals(List.of("nd4j-cpu", "tensorflow-cpu"), fromString);
        assertEquals(fromString, fromList);
    }

    @Test
    void unknownBackendIsNamedWithTheValidChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> BackendCatalog.select(List.of("tensorflow-cpu,torch")));
        assertTrue(e.getMessage().contains("'torch'"), e.getMessage());
        assertTrue(e.getMessage().contains("valid backends are: tensorflow-cpu, nd4j-cpu"), e.getMessage());
    }

    private static List<String> ids(List<BackendDescriptor> backends) {
        return backends.stream().map(BackendDescriptor::id).toList();
    }
}
