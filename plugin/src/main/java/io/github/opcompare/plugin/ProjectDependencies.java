package io.github.opcompare.plugin;

import io.github.opcompare.engine.backend.ProjectDependency;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The project's resolved dependencies (compile, runtime and test scopes), with how it reaches each. */
final class ProjectDependencies {
    private ProjectDependencies() {
    }

    static List<ProjectDependency> of(MavenProject project) {
        if (project == null || project.getArtifacts() == null) {
            return List.of();
        }
        return project.getArtifacts().stream().map(ProjectDependencies::of).toList();
    }

    private static ProjectDependency of(Artifact a) {
        return new ProjectDependency(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getDependencyTrail());
    }
}
