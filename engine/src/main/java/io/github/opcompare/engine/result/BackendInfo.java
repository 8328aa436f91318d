package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One backend of a run: which library on which device, and whether it could be started.
 *
 * @param threads threads the library uses for one op in the run's timings
 * @param runtime what the worker runs on and its flags ({@code OpenJDK 64-Bit Server VM 17.0.15 -Xmx2g})
 * @param reason why the backend is not available (null when it is)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendInfo(
        String id,
        String library,
        String version,
        String device,
        Integer threads,
        String runtime,
        boolean available,
        String reason) {
}
