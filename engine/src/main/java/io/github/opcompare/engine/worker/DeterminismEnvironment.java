package io.github.opcompare.engine.worker;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.DeterminismVariable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies the run's choice of deterministic kernels to every worker whose library can be asked for
 * them, through the variable its descriptor names ({@link DeterminismVariable}): a setting the
 * library reads only at start-up, so it travels in the worker's environment. It overrides the
 * descriptor's environment where both set the variable. Backends whose descriptor names none run
 * as they are.
 */
public final class DeterminismEnvironment implements WorkerCommandFactory {
    private final boolean deterministic;
    private final WorkerCommandFactory delegate;

    private DeterminismEnvironment(boolean deterministic, WorkerCommandFactory delegate) {
        this.deterministic = deterministic;
        this.delegate = delegate;
    }

    /**
     * {@code delegate} with the determinism variable set to its "on" or "off" value as chosen, or
     * {@code delegate} itself when {@code deterministic} is null, which leaves each library's default
     * (ops may pick faster kernels whose results change from run to run, as GPU reductions with atomics).
     */
    public static WorkerCommandFactory around(Boolean deterministic, WorkerCommandFactory delegate) {
        return deterministic == null ? delegate : new DeterminismEnvironment(deterministic, delegate);
    }

    @Override
    public WorkerCommand commandFor(BackendDescriptor backend) throws BackendUnavailableException {
        WorkerCommand command = delegate.commandFor(backend);
        DeterminismVariable determinism = backend.determinism();
        if (determinism == null) {
            return command;
        }
        Map<String, String> environment = new LinkedHashMap<>(command.environment());
        environment.put(determinism.variable(), deterministic ? determinism.on() : determinism.off());
        return new WorkerCommand(command.command(), Map.copyOf(environment));
    }
}
