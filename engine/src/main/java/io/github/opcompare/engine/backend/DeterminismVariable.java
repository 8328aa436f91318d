package io.github.opcompare.engine.backend;

/**
 * The environment variable through which a library is asked for deterministic kernels, read only at
 * start-up, and its two values. The run's determinism setting is applied through it to every backend
 * whose descriptor names one.
 *
 * @param variable the variable ({@code TF_DETERMINISTIC_OPS})
 * @param on its value for deterministic kernels
 * @param off its value for the library's fastest kernels
 */
public record DeterminismVariable(String variable, String on, String off) {
}
