package io.github.opcompare.engine.functions;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.worker.BackendUnavailableException;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import io.github.opcompare.worker.functions.MethodReference;
import io.github.opcompare.worker.functions.ProjectFunctionExecutor;
import io.github.opcompare.worker.functions.ProjectFunctionWorker;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's own functions as backends: one per {@code <name>}, each started as a
 * {@link ProjectFunctionWorker} in a JVM whose classpath is the worker API and the project's
 * compiled classes and test classpath, with a small JSON file naming its methods. Everything else
 * goes to the real resolver.
 */
public final class ProjectFunctions {
    /** The backend name of functions configured without one. */
    public static final String DEFAULT_NAME = "project";

    private final Map<String, Path> configFiles;
    private final List<String> projectClasspath;
    private final String javaExecutable;

    private ProjectFunctions(Map<String, Path> configFiles, List<String> projectClasspath, String javaExecutable) {
        this.configFiles = configFiles;
        this.projectClasspath = projectClasspath;
        this.javaExecutable = javaExecutable;
    }

    /** No functions configured: adds no backend and starts nothing. */
    public static ProjectFunctions none() {
        return new ProjectFunctions(Map.of(), List.of(), null);
    }

    /**
     * Validates every function against the planned cases and the project's classes (before anything
     * runs), and writes one worker configuration per name.
     *
     * @param reservedNames backend ids a function's name may not take
     * @param projectClasspath the project's output, test output and test classpath, in Maven's order
     * @throws IllegalArgumentException naming every mistake
     */
    public static ProjectFunctions prepare(List<FunctionSpec> specs, List<PlannedCase> planned, Set<String> reservedNames,
            List<String> projectClasspath, Path workDirectory, String javaExecutable) throws IOException {
        if (specs.isEmpty()) {
            return none();
        }
        Map<String, Map<Op, MethodReference>> byName;
        // Only the platform's classes as parent: the plugin's own (Jackson, the engine) must not stand
        // in for the project's, so a method is found exactly where the worker will find it.
        try (URLClassLoader loader = new URLClassLoader(urls(projectClasspath), ClassLoader.getPlatformClassLoader())) {
            byName = FunctionValidator.validate(specs, planned, reservedNames, loader);
        }
        Map<String, Path> configs = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Op, MethodReference>> entry : byName.entrySet()) {
            Map<String, String> functions = new LinkedHashMap<>();
            entry.getValue().forEach((op, method) -> functions.put(op.id(), method.toString()));
            Path config = workDirectory.resolve("functions-" + entry.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
            AtomicFiles.writeString(config, ProjectFunctionWorker.configJson(entry.getKey(), functions));
            configs.put(entry.getKey(), config);
        }
        return new ProjectFunctions(configs, List.copyOf(projectClasspath), javaExecutable);
    }

    private static URL[] urls(List<String> classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** The selected backends, then one per function name. */
    public List<BackendDescriptor> appendTo(List<BackendDescriptor> selected) {
        Set<BackendDescriptor> all = new LinkedHashSet<>(selected);
        for (String name : configFiles.keySet()) {
            all.add(new BackendDescriptor(name, ProjectFunctionExecutor.LIBRARY, "cpu", null, Map.of()));
        }
        return new ArrayList<>(all);
    }

    /** Starts the project's functions itself and leaves every other backend to {@code delegate}. */
    public WorkerCommandFactory around(WorkerCommandFactory delegate) {
        return backend -> {
            Path config = configFiles.get(backend.id());
            if (config == null || !ProjectFunctionExecutor.LIBRARY.equals(backend.library()) || backend.workerArtifactId() != null) {
                return delegate.commandFor(backend);
            }
            List<String> classpath = new ArrayList<>(workerClasspath());
            classpath.addAll(projectClasspath);
            WorkerCommand java = WorkerCommand.java(javaExecutable, List.of(), classpath, ProjectFunctionWorker.class.getName(), Map.of());
            List<String> command = new ArrayList<>(java.command());
            command.add(config.toString());
            return new WorkerCommand(List.copyOf(command), java.environment());
        };
    }

    /**
     * The worker API and Jackson, from the plugin's own class loader: all a project-function worker
     * needs besides the project. They come first, so that a project's older Jackson on its test
     * classpath cannot break the worker's protocol.
     */
    static List<String> workerClasspath() throws BackendUnavailableException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(ProjectFunctionWorker.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonInclude.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | RuntimeException e) {
                throw new BackendUnavailableException("cannot locate " + c.getName() + " for the project-function worker: " + e, e);
            }
        }
        return new ArrayList<>(entries);
    }
}
