package io.github.opcompare.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.worker.JavaMathWorker;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Shared pieces of the tests that run the engine against misbehaving workers. */
final class FaultyRuns {
    private FaultyRuns() {
    }

    /** Starts the java-math test worker with the backend's environment (where the fault hooks are set). */
    static WorkerCommandFactory javaMathWorkers() {
        return backend -> WorkerCommand.java(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of("-Xmx64m"),
                Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)),
                JavaMathWorker.class.getName(), backend.environment());
    }

    static RunSettings settings(Path dir, Duration caseTimeout) {
        return new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(100), Duration.ofMillis(300), 2, true, caseTimeout, Duration.ofSeconds(60), 3,
                EnvironmentProbe.capture("test", List.of()), "test");
    }

    static Set<ValidationMessage> schemaErrors(Path resultsFile) throws IOException {
        JsonNode json = new ObjectMapper().readTree(resultsFile.toFile());
        try (InputStream in = FaultyRuns.class.getResourceAsStream("/io/github/opcompare/engine/results.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(json);
        }
    }

    /** Worker processes (java-math test workers) among the descendants of this JVM. */
    static List<ProcessHandle> javaMathWorkerProcesses(ProcessHandle parent) {
        return parent.descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(JavaMathWorker.class.getName())).toList();
    }
}
