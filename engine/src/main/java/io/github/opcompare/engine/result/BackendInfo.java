package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One backend of a run: which library on which device, and whether it could be started.
 *
 * @param threads threads the library uses for one op in the run's timings
 * @param runtime what the worker runs on and its flags ({@code OpenJDK 64-Bit Server VM 17.0.15 -Xmx2g})
 * @param reason why the backend is not available (null when it is)
 * @param versionSource where the library version came from: {@code project}, {@code default} or
 *     {@code configured}; null for a backend whose version is not a choice (the JDK, a GPU build, a recording)
 * @param requestedVersion the library version opcompare put on the worker's classpath ({@code 1.0.0}), or
 *     the NumPy of a named Python; {@code version} is what the worker itself reports
 * @param dependencyPath with {@code versionSource} {@code project}: how the project reaches the library
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
        String reason,
        String versionSource,
        String requestedVersion,
        java.util.List<String> dependencyPath) {

    public BackendInfo(String id, String library, String version, String device, Integer threads, String runtime,
            boolean available, String reason) {
        this(id, library, version, device, threads, runtime, available, reason, null, null, null);
    }

    /** The same backend, with where its library version came from. */
    public BackendInfo withVersionOrigin(String source, String requested, java.util.List<String> path) {
        return new BackendInfo(id, library, version, device, threads, runtime, available, reason, source, requested,
                path == null || path.isEmpty() ? null : java.util.List.copyOf(path));
    }
}
