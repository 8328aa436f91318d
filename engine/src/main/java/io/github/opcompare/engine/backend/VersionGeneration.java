package io.github.opcompare.engine.backend;

import java.util.List;

/**
 * How one API generation of a library reaches a worker's classpath: TensorFlow Java 0.x carries its
 * natives in {@code tensorflow-core-api} with a platform classifier, 1.x in {@code tensorflow-core-native}.
 *
 * @param prefix the versions it covers: those that begin with it ({@code "0."}; {@code ""} for all)
 * @param artifacts {@code groupId:artifactId} put on the classpath at the selected version, with their dependencies
 * @param platformArtifacts {@code groupId:artifactId} added with this machine's classifier, at the version the graph chose
 */
public record VersionGeneration(String prefix, List<String> artifacts, List<String> platformArtifacts) {
    public VersionGeneration {
        artifacts = List.copyOf(artifacts);
        platformArtifacts = List.copyOf(platformArtifacts);
    }
}
