package io.github.opcompare.engine.recording;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.worker.BackendUnavailableException;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import io.github.opcompare.worker.WorkerServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured recordings as backends: one descriptor per recording name, each started as a
 * {@link RecordingWorker} on the engine's own classpath with a small JSON file mapping case labels
 * to {@code .npy} files. Everything else goes to the real resolver.
 */
public final class RecordingBackends {
    static final String LIBRARY = "recording";

    private final Map<String, Path> configFiles;
    private final String javaExecutable;

    private RecordingBackends(Map<String, Path> configFiles, String javaExecutable) {
        this.configFiles = configFiles;
        this.javaExecutable = javaExecutable;
    }

    /**
     * Validates the recordings against the planned cases and writes one worker config per name.
     *
     * @param catalog the backends a recording may not be named after
     * @throws IllegalArgumentException naming the file and what does not fit
     */
    public static RecordingBackends prepare(List<RecordingSpec> specs, List<PlannedCase> planned, BackendCatalog catalog,
            Path workDirectory, String javaExecutable) throws IOException {
        Set<String> reserved = catalog.all().stream().map(BackendDescriptor::id).collect(Collectors.toSet());
        Map<String, Map<String, Path>> byName = Recordings.validate(specs, planned, reserved);
        Map<String, Path> configs = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Path>> entry : byName.entrySet()) {
            Path config = workDirectory.resolve("recording-" + entry.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
            Recordings.writeWorkerConfig(config, entry.getKey(), entry.getValue());
            configs.put(entry.getKey(), config);
        }
        return new RecordingBackends(configs, javaExecutable);
    }

    /** The selected catalog backends, then one per recording name. */
    public List<BackendDescriptor> appendTo(List<BackendDescriptor> selected) {
        Set<BackendDescriptor> all = new LinkedHashSet<>(selected);
        for (String name : configFiles.keySet()) {
            all.add(new BackendDescriptor(name, LIBRARY, "recorded", null, Map.of()));
        }
        return new ArrayList<>(all);
    }

    /** Starts recordings itself and leaves every other backend to {@code delegate}. */
    public WorkerCommandFactory around(WorkerCommandFactory delegate) {
        return backend -> {
            Path config = configFiles.get(backend.id());
            if (config == null || !LIBRARY.equals(backend.library())) {
                return delegate.commandFor(backend);
            }
            WorkerCommand java = WorkerCommand.java(javaExecutable, List.of(), classpath(), RecordingWorker.class.getName(), Map.of());
            List<String> command = new ArrayList<>(java.command());
            command.add(config.toString());
            return new WorkerCommand(List.copyOf(command), java.environment());
        };
    }

    /**
     * The engine (its .npy reader), the worker API and Jackson, from the plugin's own class loader: all
     * a recording worker needs.
     */
    static List<String> classpath() throws BackendUnavailableException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(RecordingWorker.class, WorkerServer.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonInclude.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | RuntimeException e) {
                throw new BackendUnavailableException("cannot locate " + c.getName() + " for the recording worker: " + e, e);
            }
        }
        return new ArrayList<>(entries);
    }
}
