package io.github.opcompare.engine.backend;

import java.util.List;

/**
 * One artifact on the project's resolved classpath (compile, runtime or test), as Maven resolved it.
 *
 * @param trail how the project reaches it, from the project itself down to the artifact ({@code groupId:artifactId:type:version})
 */
public record ProjectDependency(String groupId, String artifactId, String version, List<String> trail) {
    public ProjectDependency {
        trail = trail == null ? List.of() : List.copyOf(trail);
    }
}
