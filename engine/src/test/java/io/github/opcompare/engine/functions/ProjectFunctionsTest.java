package io.github.opcompare.engine.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.worker.functions.ProjectFunctionWorker;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFunctionsTest {
    @TempDir
    Path dir;

    /** This module's test classes stand for the project's: where AcmeFunctions is. */
    private static String projectClasses() throws Exception {
        return Path.of(AcmeFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void eachNameIsOneBackendStartedOnTheWorkerApiThenTheProjectsClasspath() throws Exception {
        var planned = Planner.plan(List.of(new CaseSpec("exp", "exp", List.of("float32"), "uniform(-1,1)", 10, 1)), Path.of("."));
        String classes = projectClasses();
        ProjectFunctions functions = ProjectFunctions.prepare(List.of(new FunctionSpec("exp", AcmeFunctions.class.getName() + "#exp", null)),
                planned, Set.of("jdk"), List.of(classes), dir, "/opt/java/bin/java");
        BackendDescriptor jdk = new BackendDescriptor("jdk", "jdk", "cpu", "opcompare-backend-jdk", Map.of());
        List<BackendDescriptor> all = functions.appendTo(List.of(jdk));
        assertEquals(List.of("jdk", "project"), all.stream().map(BackendDescriptor::id).toList());
        BackendDescriptor project = all.get(1);
        assertEquals("project", project.library());

        WorkerCommand delegated = new WorkerCommand(List.of("delegate"), Map.of());
        assertEquals(delegated, functions.around(b -> delegated).commandFor(jdk));
        List<String> command = functions.around(b -> delegated).commandFor(project).command();
        assertEquals("/opt/java/bin/java", command.get(0));
        assertEquals(ProjectFunctionWorker.class.getName(), command.get(command.size() - 2));
        List<String> classpath = List.of(command.get(command.indexOf("-cp") + 1).split(File.pathSeparator));
        assertEquals(classes, classpath.get(classpath.size() - 1), "the project's classes come last: " + classpath);
        assertTrue(classpath.size() >= 2, "the worker API comes first: " + classpath);

        JsonNode config = new ObjectMapper().readTree(Files.readString(Path.of(command.get(command.size() - 1))));
        assertEquals("project", config.get("name").asText());
        assertEquals(AcmeFunctions.class.getName() + "#exp", config.get("functions").get("exp").asText());
    }

    @Test
    void noFunctionsAddNothing() {
        BackendDescriptor jdk = new BackendDescriptor("jdk", "jdk", "cpu", "opcompare-backend-jdk", Map.of());
        assertEquals(List.of(jdk), ProjectFunctions.none().appendTo(List.of(jdk)));
    }
}
