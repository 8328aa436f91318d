package io.github.opcompare.engine.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerProcess;
import io.github.opcompare.worker.WorkerReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording worker starts on the classpath the plugin gives it, which is not the plugin's own. */
class RecordingBackendsTest {
    @TempDir
    Path dir;

    @Test
    void theRecordingWorkerAnswersOnItsOwnClasspath() throws Exception {
        Path config = dir.resolve("recording-mine.json");
        Recordings.writeWorkerConfig(config, "mine", Map.of());
        WorkerCommand java = WorkerCommand.java(WorkerCommand.javaOfThisJvm(), List.of(),
                RecordingBackends.classpath(), RecordingWorker.class.getName(), Map.of());
        List<String> command = new ArrayList<>(java.command());
        command.add(config.toString());
        try (WorkerProcess worker = WorkerProcess.start(new WorkerCommand(command, Map.of()), dir.resolve("worker.log"))) {
            WorkerReply hello = worker.hello(Duration.ofSeconds(60));
            assertTrue(hello.ok(), hello.toString());
            assertEquals("recording", hello.library());
            assertEquals("mine", hello.version());
        }
    }
}
