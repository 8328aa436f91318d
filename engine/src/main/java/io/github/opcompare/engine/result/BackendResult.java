package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one backend did on one case.
 *
 * @param status one of {@link Status}'s ids
 * @param message why the backend failed, was skipped or does not support the op (null when ok)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendResult(
        String backend,
        String status,
        String message,
        Accuracy accuracy,
        Timing timing) {

    public static BackendResult notRun(String backend, Status status, String message) {
        return new BackendResult(backend, status.id(), message, null, null);
    }
}
