package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackendCatalogTest {

    @Test
    void emptySelectionMeansEveryBackend() {
        assertEquals(BackendCatalog.all(), BackendCatalog.select(List.of()));
        assertEquals(BackendCatalog.all(), BackendCatalog.select(null));
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
