package io.github.opcompare.plugin;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.VersionGeneration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The dependency request of a worker that runs another version of its library than the one its
 * module was built against: the worker module with the library left out of its graph (every
 * artifact of the library's groups, JavaCPP included), beside the library's own artifacts at the
 * selected version, whose poms bring the rest (ndarray, protobuf, JavaCPP, OpenBLAS) at the versions
 * that release was built with. Resolved on its own, apart from the project's classpath.
 */
final class LibraryVersionGraph {
    private LibraryVersionGraph() {
    }

    static CollectRequest request(Artifact worker, BackendDescriptor backend, List<RemoteRepository> repositories) {
        List<Exclusion> exclusions = new ArrayList<>();
        for (String group : backend.versions().libraryGroups()) {
            exclusions.add(new Exclusion(group, "*", "*", "*"));
        }
        List<Dependency> dependencies = new ArrayList<>();
        dependencies.add(new Dependency(worker, "runtime", false, exclusions));
        for (Artifact library : libraryArtifacts(backend)) {
            dependencies.add(new Dependency(library, "runtime"));
        }
        return new CollectRequest(dependencies, List.of(), repositories);
    }

    /** The library's main artifacts at the selected version ({@code org.tensorflow:tensorflow-core-api:jar:1.0.0}). */
    static List<Artifact> libraryArtifacts(BackendDescriptor backend) {
        String version = backend.selected().version();
        VersionGeneration generation = backend.versions().generationOf(version).orElseThrow(() -> new IllegalArgumentException(
                "backend " + backend.id() + ": no known way to put " + backend.library() + " " + version + " on a classpath"));
        List<Artifact> artifacts = new ArrayList<>();
        for (String coordinate : generation.artifacts()) {
            String[] parts = coordinate.split(":");
            artifacts.add(new DefaultArtifact(parts[0], parts[1], "jar", version));
        }
        return artifacts;
    }
}
