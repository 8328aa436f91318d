package io.github.opcompare.worker.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.worker.WorkerServer;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Worker main for project functions. Its one argument is a JSON file the engine writes:
 * <pre>{"name": "acme", "functions": {"exp": "com.acme.math.FastExp#exp"}}</pre>
 * The project's classes are on this JVM's classpath, so the system class loader finds them.
 */
public final class ProjectFunctionWorker {
    private ProjectFunctionWorker() {
    }

    public static void main(String[] args) {
        WorkerServer.main(() -> executor(Path.of(args[0]), ClassLoader.getSystemClassLoader()));
    }

    static ProjectFunctionExecutor executor(Path config, ClassLoader loader) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(config));
            Map<Op, MethodReference> functions = new LinkedHashMap<>();
            root.path("functions").fields().forEachRemaining(e -> functions.put(Op.of(e.getKey()), MethodReference.parse(e.getValue().asText())));
            return new ProjectFunctionExecutor(root.path("name").asText(ProjectFunctionExecutor.LIBRARY), functions, loader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the project functions' configuration " + config + ": " + e.getMessage(), e);
        }
    }

    /** The configuration file's content for these functions, as the worker reads it. */
    public static String configJson(String name, Map<String, String> functionsByOp) {
        ObjectMapper json = new ObjectMapper();
        var root = json.createObjectNode().put("name", name);
        var functions = root.putObject("functions");
        functionsByOp.forEach(functions::put);
        return root.toPrettyString();
    }
}
