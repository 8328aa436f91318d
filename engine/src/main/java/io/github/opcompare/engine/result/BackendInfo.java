package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One backend of a run: which library on which device, and whether it could be started.
 *
 * @param reason why the backend is not available (null when it is)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendInfo(
        String id,
        String library,
        String version,
        String device,
        boolean available,
        String reason) {
}
