package io.github.opcompare.engine.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalInt;

/**
 * The JDK behind a worker's java executable, as far as a class-data archive cares: its feature
 * version (whether it can write one at all) and a text that changes whenever the JDK is replaced
 * (whether an archive written by it still fits).
 *
 * @param java the executable's real path (links resolved: {@code /usr/bin/java} names a JDK only through them)
 * @param featureVersion 17 for 17.0.15, 8 for 1.8.0_292; empty when it cannot be told
 * @param identity the JDK's {@code release} file and the size and modification time of its class
 *     image {@code lib/modules}: an update of the JDK in place changes the latter even where a
 *     distribution leaves the former alone
 */
public record WorkerJdk(Path java, OptionalInt featureVersion, String identity) {

    /** What can be told about the JDK of {@code javaExecutable}; never throws. */
    public static WorkerJdk of(String javaExecutable) {
        Path java;
        try {
            java = Path.of(javaExecutable).toRealPath();
        } catch (IOException | RuntimeException e) {
            return new WorkerJdk(Path.of(javaExecutable), OptionalInt.empty(), "");
        }
        Path home = java.getParent() == null ? null : java.getParent().getParent();
        String release = home == null ? null : read(home.resolve("release"));
        String modules = home == null ? "" : sizeAndTime(home.resolve("lib").resolve("modules"));
        OptionalInt feature = isThisJvm(java) ? OptionalInt.of(Runtime.version().feature()) : featureVersion(release);
        return new WorkerJdk(java, feature, "release=" + (release == null ? "" : release) + "\nmodules=" + modules);
    }

    /** Whether this JDK can write an archive of the classes an application loaded ({@code -XX:ArchiveClassesAtExit}, JDK 13). */
    public boolean canArchiveAtExit() {
        return featureVersion.isPresent() && featureVersion.getAsInt() >= 13;
    }

    /** The feature version from a {@code release} file's {@code JAVA_VERSION="17.0.15"} line ({@code "1.8.0_292"} is 8). */
    static OptionalInt featureVersion(String release) {
        if (release == null) {
            return OptionalInt.empty();
        }
        for (String line : release.lines().toList()) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).strip().replace("\"", "");
                String[] parts = version.split("[._+-]");
                try {
                    int first = Integer.parseInt(parts[0]);
                    return OptionalInt.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    private static boolean isThisJvm(Path java) {
        try {
            return java.equals(Path.of(WorkerCommand.javaOfThisJvm()).toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A file's size and modification time (full resolution), or "missing". */
    static String sizeAndTime(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime();
        } catch (IOException | RuntimeException e) {
            return "missing";
        }
    }
}
