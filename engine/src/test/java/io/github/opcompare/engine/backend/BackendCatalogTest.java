package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog built from the backend modules' descriptors, as the plugin builds it. */
class BackendCatalogTest {
    private final BackendCatalog catalog = SourceDescriptors.catalog();

    @Test
    void emptySelectionMeansEveryCpuBackend() {
        List<String> cpu = List.of("tensorflow-cpu", "nd4j-cpu", "numpy", "jdk", "jdk-strict");
        assertEquals(cpu, ids(catalog.select(List.of())));
        assertEquals(cpu, ids(catalog.select(null)));
    }

    @Test
    void javasMathLibrariesRunOnlyWhenNamed() {
        List<String> libraries = List.of("hipparchus", "commons-math", "vector-api");
        assertEquals(libraries, ids(catalog.select(List.of("hipparchus,commons-math,vector-api"))));
        for (String id : libraries) {
            BackendDescriptor backend = catalog.find(id).orElseThrow();
            assertEquals("cpu", backend.device(), id);
            assertTrue(backend.onlyWhenNamed(), id);
            assertTrue(!catalog.defaults().contains(backend), id);
        }
        assertEquals(List.of("--add-modules", "jdk.incubator.vector", "-XX:+UnlockExperimentalVMOptions", "-Xbatch"), catalog.find("vector-api").orElseThrow().launch().jvmArgs());
    }

    @Test
    void theLibrariesWithThreadPoolsAreDeclaredMultiThreaded() {
        // TensorFlow's and ND4J's (OpenMP, OpenBLAS) kernels spread over the machine's cores; the JDK's
        // functions and NumPy's ufuncs run on the calling thread.
        for (String id : List.of("tensorflow-cpu", "nd4j-cpu")) {
            assertTrue(catalog.find(id).orElseThrow().launch().multiThreaded(), id);
        }
        for (String id : List.of("numpy", "jdk", "jdk-strict")) {
            assertTrue(!catalog.find(id).orElseThrow().launch().multiThreaded(), id);
        }
    }

    @Test
    void gpuBackendsRunOnlyWhenNamed() {
        assertEquals(List.of("tensorflow-gpu", "nd4j-gpu"), ids(catalog.select(List.of("tensorflow-gpu,nd4j-gpu"))));
        BackendDescriptor tf = catalog.find("tensorflow-gpu").orElseThrow();
        assertEquals("gpu", tf.device());
        assertEquals("opcompare-backend-tensorflow", tf.workerArtifactId());
        assertEquals("gpu", tf.environment().get("OPCOMPARE_TF_DEVICE"));
        // tensorflow-cpu hides the GPU with an empty CUDA_VISIBLE_DEVICES; the GPU backend must not.
        assertTrue(!tf.environment().containsKey("CUDA_VISIBLE_DEVICES"), tf.environment().toString());
        assertEquals("", catalog.find("tensorflow-cpu").orElseThrow().environment().get("CUDA_VISIBLE_DEVICES"));
        BackendDescriptor nd4j = catalog.find("nd4j-gpu").orElseThrow();
        assertEquals("gpu", nd4j.device());
        assertEquals("opcompare-backend-nd4j-gpu", nd4j.workerArtifactId());
    }

    @Test
    void acceptsCommaSeparatedAndListFormsAlike() {
        List<String> fromString = ids(catalog.select(List.of("nd4j-cpu, tensorflow-cpu")));
        List<String> fromList = ids(catalog.select(List.of("nd4j-cpu", "tensorflow-cpu")));
        assertEquals(List.of("nd4j-cpu", "tensorflow-cpu"), fromString);
        assertEquals(fromString, fromList);
    }

    @Test
    void unknownBackendIsNamedWithTheValidChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> catalog.select(List.of("tensorflow-cpu,torch")));
        assertTrue(e.getMessage().contains("'torch'"), e.getMessage());
        assertTrue(e.getMessage().contains("valid backends are: tensorflow-cpu, tensorflow-gpu, nd4j-cpu"), e.getMessage());
    }

    @Test
    void twoDescriptorsClaimingOneIdAreRefused() {
        BackendDescriptor a = new BackendDescriptor("mine", "lib", "cpu", "opcompare-backend-a", Map.of());
        BackendDescriptor b = new BackendDescriptor("mine", "lib", "cpu", "opcompare-backend-b", Map.of());
        var e = assertThrows(IllegalArgumentException.class, () -> BackendCatalog.of(List.of(a, b)));
        assertEquals("Two backend descriptors claim the id 'mine': opcompare-backend-a and opcompare-backend-b", e.getMessage());
    }

    private static List<String> ids(List<BackendDescriptor> backends) {
        return backends.stream().map(BackendDescriptor::id).toList();
    }
}
