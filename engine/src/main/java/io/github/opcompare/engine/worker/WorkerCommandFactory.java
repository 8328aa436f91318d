package io.github.opcompare.engine.worker;

import io.github.opcompare.engine.backend.BackendDescriptor;

/**
 * Turns a backend into a command that starts its worker. The Maven plugin implements this by
 * resolving the worker's classpath; tests implement it with their own classpath.
 *
 * <p>The engine starts all workers of a run at once and calls {@link #commandFor} from several
 * threads at the same time: an implementation serialises whatever of its own cannot run concurrently.
 */
@FunctionalInterface
public interface WorkerCommandFactory {

    /** @throws BackendUnavailableException when the backend cannot run here, with the reason */
    WorkerCommand commandFor(BackendDescriptor backend) throws BackendUnavailableException;

    /**
     * Checks, before anything runs, that the library version {@code backend} was selected with can be
     * resolved; nothing to check by default.
     *
     * @throws IllegalArgumentException naming the backend and the coordinates tried
     */
    default void checkVersionResolves(BackendDescriptor backend) {
    }
}
