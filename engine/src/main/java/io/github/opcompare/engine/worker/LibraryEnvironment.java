package io.github.opcompare.engine.worker;

import io.github.opcompare.engine.backend.BackendDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds environment variables to the workers of one library, whatever their device: settings a user
 * chooses per run and the library reads only at start-up, such as {@code TF_DETERMINISTIC_OPS} for
 * TensorFlow. They override the catalog's where both set one.
 */
public final class LibraryEnvironment implements WorkerCommandFactory {
    private final String library;
    private final Map<String, String> variables;
    private final WorkerCommandFactory delegate;

    public LibraryEnvironment(String library, Map<String, String> variables, WorkerCommandFactory delegate) {
        this.library = library;
        this.variables = Map.copyOf(variables);
        this.delegate = delegate;
    }

    /**
     * {@code TF_DETERMINISTIC_OPS} for the TensorFlow workers: {@code 1} or {@code 0} as chosen, or
     * nothing when {@code deterministic} is null, which leaves TensorFlow's default (ops may pick
     * faster kernels whose results change from run to run, as on the GPU reductions with atomics).
     */
    public static WorkerCommandFactory tensorFlowDeterminism(Boolean deterministic, WorkerCommandFactory delegate) {
        if (deterministic == null) {
            return delegate;
        }
        return new LibraryEnvironment("tensorflow", Map.of("TF_DETERMINISTIC_OPS", deterministic ? "1" : "0"), delegate);
    }

    @Override
    public WorkerCommand commandFor(BackendDescriptor backend) throws BackendUnavailableException {
        WorkerCommand command = delegate.commandFor(backend);
        if (!library.equals(backend.library())) {
            return command;
        }
        Map<String, String> environment = new LinkedHashMap<>(command.environment());
        environment.putAll(variables);
        return new WorkerCommand(command.command(), Map.copyOf(environment));
    }
}
