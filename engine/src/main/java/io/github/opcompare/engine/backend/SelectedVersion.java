package io.github.opcompare.engine.backend;

import java.util.List;

/**
 * The library version one selected backend runs, and why.
 *
 * @param version the library version asked for ({@code 1.0.0}); null when the worker finds it (a Python's NumPy)
 * @param source where it comes from
 * @param dependencyPath for {@link VersionSource#PROJECT}: the project's dependency trail down to the
 *     library artifact ({@code com.example:app:jar:1.0}, …, {@code org.nd4j:nd4j-native:jar:1.0.0-M2}); else empty
 * @param python the Python interpreter of a Python backend that names its own; null otherwise
 * @param untested whether the version lies outside the tested ones (and runs because untested ones are allowed)
 */
public record SelectedVersion(String version, VersionSource source, List<String> dependencyPath, String python, boolean untested) {
    public SelectedVersion {
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
    }

    /**
     * Whether the worker's classpath must be resolved for {@link #version()} rather than taken as the
     * worker module declares it.
     */
    public boolean differsFrom(LibraryVersions versions) {
        return versions != null && version != null && !version.equals(versions.defaultVersion());
    }
}
