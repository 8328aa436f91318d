package io.github.opcompare.engine.worker;

import io.github.opcompare.worker.WorkerServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The classpath of {@link JavaMathWorker} as jar files, for tests of class archives: an archive holds
 * classes from jars only, and the build's classpath has the compiled classes in folders.
 */
public final class WorkerJars {
    private WorkerJars() {
    }

    /** The worker's classpath, its folders packed into jars under {@code dir}. */
    public static List<String> javaMathWorker(Path dir) throws IOException {
        try {
            Set<Path> locations = new LinkedHashSet<>();
            for (Class<?> type : List.of(WorkerServer.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                    com.fasterxml.jackson.core.JsonParser.class, com.fasterxml.jackson.annotation.JsonProperty.class)) {
                locations.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
            List<String> classpath = new ArrayList<>();
            for (Path location : locations) {
                classpath.add((Files.isDirectory(location) ? jar(location, p -> true, dir.resolve(location.getFileName() + ".jar"))
                        : location).toString());
            }
            Path testClasses = Path.of(JavaMathWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            classpath.add(jar(testClasses, p -> p.getFileName().toString().startsWith("JavaMathWorker"), dir.resolve("worker.jar"))
                    .toString());
            return classpath;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static Path jar(Path folder, Predicate<Path> keep, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream stream = new JarOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(keep).toList()) {
                stream.putNextEntry(new JarEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, stream);
                stream.closeEntry();
            }
        }
        return jar;
    }
}
