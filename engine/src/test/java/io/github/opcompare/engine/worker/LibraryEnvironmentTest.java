package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.opcompare.engine.backend.BackendCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibraryEnvironmentTest {
    private final WorkerCommandFactory resolver =
            backend -> new WorkerCommand(List.of("java", backend.id()), backend.environment());

    @Test
    void tfDeterministicOpsReachesBothTensorFlowWorkersAndNoOther() throws Exception {
        WorkerCommandFactory factory = LibraryEnvironment.tensorFlowDeterminism(true, resolver);
        for (String id : List.of("tensorflow-cpu", "tensorflow-gpu")) {
            WorkerCommand command = factory.commandFor(BackendCatalog.find(id).orElseThrow());
            assertEquals("1", command.environment().get("TF_DETERMINISTIC_OPS"), id);
            // The catalog's own variables stay.
            assertEquals("1", command.environment().get("TF_CPP_MIN_LOG_LEVEL"), id);
            assertEquals(List.of("java", id), command.command());
        }
        for (String id : List.of("nd4j-cpu", "nd4j-gpu", "numpy", "jdk")) {
            WorkerCommand command = factory.commandFor(BackendCatalog.find(id).orElseThrow());
            assertEquals(null, command.environment().get("TF_DETERMINISTIC_OPS"), id);
        }
    }

    @Test
    void falseIsSaidExplicitly() throws Exception {
        WorkerCommand command = LibraryEnvironment.tensorFlowDeterminism(false, resolver)
                .commandFor(BackendCatalog.find("tensorflow-gpu").orElseThrow());
        assertEquals("0", command.environment().get("TF_DETERMINISTIC_OPS"));
    }

    @Test
    void unsetLeavesTensorFlowsDefault() {
        assertSame(resolver, LibraryEnvironment.tensorFlowDeterminism(null, resolver));
    }

    @Test
    void overridesTheCatalogWhereBothSetAVariable() throws Exception {
        WorkerCommand command = new LibraryEnvironment("tensorflow", Map.of("TF_CPP_MIN_LOG_LEVEL", "0"), resolver)
                .commandFor(BackendCatalog.find("tensorflow-cpu").orElseThrow());
        assertEquals("0", command.environment().get("TF_CPP_MIN_LOG_LEVEL"));
    }
}
