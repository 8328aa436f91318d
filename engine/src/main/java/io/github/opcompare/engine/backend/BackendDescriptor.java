package io.github.opcompare.engine.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One backend: a library on a device, the worker module that runs it, and what its module's
 * descriptor ({@code META-INF/opcompare/backend.json}, see {@link DescriptorFile}) says about it.
 *
 * @param id the name users configure ({@code tensorflow-cpu})
 * @param library library name, as results show it
 * @param device device kind ({@code cpu}, {@code gpu})
 * @param workerArtifactId artifactId (groupId {@code io.github.opcompare}, the plugin's version) of the
 *     worker module
 * @param environment environment variables the worker process is started with
 * @param launch how the worker is started; null for backends that start no worker (recordings)
 * @param gpu what its GPU build needs from the machine; null off the GPU
 * @param dtypes the dtypes it claims ({@code float32}); empty claims nothing
 * @param ops the catalog ops it claims; {@code *} claims every op
 * @param determinism how its library is asked for deterministic kernels; null when it cannot be
 * @param onlyWhenNamed true for a backend left out of the default selection, run only when named
 *     (Java's math libraries: a project asks for them, the zero-configuration suite stays as it was)
 * @param versions which versions of its library it can run; null when the version is not a choice
 *     (the JDK, a GPU build checked for one version)
 * @param selected the version this backend runs in this build; null until selected
 */
public record BackendDescriptor(
        String id,
        String library,
        String device,
        String workerArtifactId,
        Map<String, String> environment,
        WorkerLaunch launch,
        GpuRequirements gpu,
        List<String> dtypes,
        List<String> ops,
        DeterminismVariable determinism,
        boolean onlyWhenNamed,
        LibraryVersions versions,
        SelectedVersion selected) {
    /** In {@link #ops()}: every op of the catalog. */
    public static final String EVERY_OP = "*";

    public BackendDescriptor {
        environment = Map.copyOf(environment);
        dtypes = List.copyOf(dtypes);
        ops = List.copyOf(ops);
    }

    /** A backend in the default selection whose library version is not a choice. */
    public BackendDescriptor(String id, String library, String device, String workerArtifactId, Map<String, String> environment,
            WorkerLaunch launch, GpuRequirements gpu, List<String> dtypes, List<String> ops, DeterminismVariable determinism) {
        this(id, library, device, workerArtifactId, environment, launch, gpu, dtypes, ops, determinism, false, null, null);
    }

    /** A backend described by nothing but its identity: recorded backends, and tests' own workers. */
    public BackendDescriptor(String id, String library, String device, String workerArtifactId, Map<String, String> environment) {
        this(id, library, device, workerArtifactId, environment, null, null, List.of(), List.of(), null);
    }

    /** The same backend with more environment variables (overriding the descriptor's where they meet). */
    public BackendDescriptor withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new BackendDescriptor(id, library, device, workerArtifactId, merged, launch, gpu, dtypes, ops, determinism,
                onlyWhenNamed, versions, selected);
    }

    /**
     * This backend running one version of its library, under the id results show
     * ({@code tensorflow-cpu@1.0.0}, or the plain id for the project's or the default version).
     */
    public BackendDescriptor selecting(String shownId, SelectedVersion version) {
        return new BackendDescriptor(shownId, library, device, workerArtifactId, environment, launch, gpu, dtypes, ops, determinism,
                onlyWhenNamed, versions, version);
    }

    /** Whether it claims {@code op} (a catalog id, {@code atan2}). */
    public boolean claimsOp(String op) {
        return ops.contains(EVERY_OP) || ops.contains(op);
    }

    /** Whether it claims {@code dtype} ({@code float16}). */
    public boolean claimsDType(String dtype) {
        return dtypes.contains(dtype);
    }
}
