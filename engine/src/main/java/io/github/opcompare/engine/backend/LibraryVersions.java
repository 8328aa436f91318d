package io.github.opcompare.engine.backend;

import java.util.List;
import java.util.Optional;

/**
 * Which versions of its library a backend module can run, from the {@code versions} section of its
 * descriptor: the worker is compiled once, against {@code defaultVersion}, and run on the library
 * version the project uses or the configuration names, its classpath resolved for that version.
 *
 * @param defaultVersion the version the worker module is built against: what runs when nothing says otherwise
 * @param tested the versions the conformance kit runs against; any other is refused unless untested ones are allowed
 * @param projectArtifacts {@code groupId:artifactId} whose version in the project's dependencies is the
 *     library's version there; an artifactId ending in {@code *} matches every artifactId it begins
 * @param libraryGroups the groupIds of the library: left out of the worker's own dependencies when another version runs
 * @param generations how the library is put on a classpath, by API generation (its artifacts, its natives)
 */
public record LibraryVersions(String defaultVersion, List<String> tested, List<String> projectArtifacts,
        List<String> libraryGroups, List<VersionGeneration> generations) {
    public LibraryVersions {
        tested = List.copyOf(tested);
        projectArtifacts = List.copyOf(projectArtifacts);
        libraryGroups = List.copyOf(libraryGroups);
        generations = List.copyOf(generations);
    }

    public boolean isTested(String version) {
        return tested.contains(version);
    }

    /** The generation whose prefix the version begins with, the longest prefix first. */
    public Optional<VersionGeneration> generationOf(String version) {
        return generations.stream().filter(g -> version.startsWith(g.prefix()))
                .max((a, b) -> Integer.compare(a.prefix().length(), b.prefix().length()));
    }

    /** Whether {@code groupId:artifactId} is one of {@link #projectArtifacts()}. */
    public boolean readsProjectArtifact(String groupId, String artifactId) {
        return projectArtifactRank(groupId, artifactId) >= 0;
    }

    /** Position of the first pattern that matches, or -1: earlier patterns are the better witnesses. */
    int projectArtifactRank(String groupId, String artifactId) {
        for (int i = 0; i < projectArtifacts.size(); i++) {
            String[] parts = projectArtifacts.get(i).split(":", 2);
            String pattern = parts[1];
            boolean matches = pattern.endsWith("*") ? artifactId.startsWith(pattern.substring(0, pattern.length() - 1))
                    : artifactId.equals(pattern);
            if (parts[0].equals(groupId) && matches) {
                return i;
            }
        }
        return -1;
    }
}
