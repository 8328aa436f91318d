package io.github.opcompare.engine.worker;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java that runs the Java workers: the build's own, unless {@code <jvm>} names another (a JDK's
 * home folder or its {@code java} executable), so that a project can measure on the JDK it ships on
 * while Maven runs on another. The {@code jdk} backends report which runtime they ran on.
 */
public final class WorkerJvm {
    private WorkerJvm() {
    }

    /**
     * The java executable for {@code configured}; the build's own when it is null or blank.
     *
     * @param baseDir where a relative path starts
     * @throws IllegalArgumentException naming the parameter and what is wrong with the path
     */
    public static String resolve(String configured, Path baseDir) {
        if (configured == null || configured.isBlank()) {
            return WorkerCommand.javaOfThisJvm();
        }
        Path given = baseDir.resolve(configured.strip()).normalize();
        Path java = Files.isDirectory(given) ? given.resolve("bin").resolve("java") : given;
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new IllegalArgumentException("Invalid jvm '" + configured + "': " + java + " is not an executable java; name a JDK's"
                    + " home folder (/usr/lib/jvm/temurin-25-jdk-amd64) or its bin/java (the Java that runs the workers;"
                    + " unset runs them on the build's own)");
        }
        return java.toString();
    }
}
