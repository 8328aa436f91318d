package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.DeterminismVariable;
import io.github.opcompare.engine.backend.SourceDescriptors;
import io.github.opcompare.engine.backend.WorkerLaunch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismEnvironmentTest {
    private final WorkerCommandFactory resolver =
            backend -> new WorkerCommand(List.of("java", backend.id()), backend.environment());

    /** TensorFlow's descriptor names TF_DETERMINISTIC_OPS; the other libraries name no such switch. */
    @Test
    void reachesBothTensorFlowWorkersAndNoOther() throws Exception {
        WorkerCommandFactory factory = DeterminismEnvironment.around(true, resolver);
        for (String id : List.of("tensorflow-cpu", "tensorflow-gpu")) {
            WorkerCommand command = factory.commandFor(SourceDescriptors.find(id));
            assertEquals("1", command.environment().get("TF_DETERMINISTIC_OPS"), id);
            // The descriptor's own variables stay.
            assertEquals("1", command.environment().get("TF_CPP_MIN_LOG_LEVEL"), id);
            assertEquals(List.of("java", id), command.command());
        }
        for (String id : List.of("nd4j-cpu", "nd4j-gpu", "numpy", "jdk")) {
            WorkerCommand command = factory.commandFor(SourceDescriptors.find(id));
            assertEquals(null, command.environment().get("TF_DETERMINISTIC_OPS"), id);
        }
    }

    @Test
    void falseIsSaidExplicitly() throws Exception {
        WorkerCommand command = DeterminismEnvironment.around(false, resolver).commandFor(SourceDescriptors.find("tensorflow-gpu"));
        assertEquals("0", command.environment().get("TF_DETERMINISTIC_OPS"));
    }

    @Test
    void unsetLeavesEachLibrarysDefault() {
        assertSame(resolver, DeterminismEnvironment.around(null, resolver));
    }

    @Test
    void overridesTheDescriptorWhereBothSetTheVariable() throws Exception {
        BackendDescriptor mine = new BackendDescriptor("mine", "mine", "cpu", "opcompare-backend-mine",
                Map.of("MINE_DETERMINISTIC", "0", "MINE_THREADS", "2"), WorkerLaunch.java("Mine"), null,
                List.of("float32"), List.of("*"), new DeterminismVariable("MINE_DETERMINISTIC", "yes", "no"));
        WorkerCommand command = DeterminismEnvironment.around(true, resolver).commandFor(mine);
        assertEquals(Map.of("MINE_DETERMINISTIC", "yes", "MINE_THREADS", "2"), command.environment());
    }
}
