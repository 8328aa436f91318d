package io.github.opcompare.engine.backend;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The version of a library that the project under build uses, read from its resolved dependencies
 * (direct or transitive), so that opcompare measures the library the project ships.
 */
public final class ProjectLibraryVersions {
    private final List<ProjectDependency> dependencies;

    public ProjectLibraryVersions(List<ProjectDependency> dependencies) {
        this.dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    public static ProjectLibraryVersions none() {
        return new ProjectLibraryVersions(List.of());
    }

    /**
     * The project's version of the library {@code versions} describes: from the artifact matching the
     * earliest of its {@link LibraryVersions#projectArtifacts()} patterns (Maven resolved one version
     * per artifact; {@code tensorflow-core-api} is a better witness than a platform aggregator), the
     * nearest to the project among equals.
     */
    public Optional<SelectedVersion> of(LibraryVersions versions) {
        if (versions == null) {
            return Optional.empty();
        }
        return dependencies.stream()
                .filter(d -> versions.readsProjectArtifact(d.groupId(), d.artifactId()))
                .min(Comparator.<ProjectDependency>comparingInt(d -> versions.projectArtifactRank(d.groupId(), d.artifactId()))
                        .thenComparingInt(d -> d.trail().size()))
                .map(d -> new SelectedVersion(d.version(), VersionSource.PROJECT, d.trail(), null, !versions.isTested(d.version())));
    }
}
