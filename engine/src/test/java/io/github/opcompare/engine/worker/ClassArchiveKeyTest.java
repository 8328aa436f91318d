package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What changes the name of a worker's class archive, and what does not. */
class ClassArchiveKeyTest {
    @TempDir
    Path dir;

    private Path a;
    private Path b;
    private final WorkerJdk jdk = WorkerJdk.of(WorkerCommand.javaOfThisJvm());

    @BeforeEach
    void jars() throws IOException {
        a = Files.writeString(dir.resolve("a.jar"), "a");
        b = Files.writeString(dir.resolve("b.jar"), "bb");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_600_000_000_000L));
        Files.setLastModifiedTime(b, FileTime.fromMillis(1_600_000_000_000L));
    }

    private static JavaCommandLine command(List<String> options, List<Path> classpath, String main) {
        return JavaCommandLine.of(WorkerCommand.java(WorkerCommand.javaOfThisJvm(), options, classpath.stream().map(Path::toString).toList(),
                main, Map.of())).orElseThrow();
    }

    private String key(List<String> options, List<Path> classpath, String main, Map<String, String> environment) {
        return ClassArchiveKey.of(command(options, classpath, main), jdk, environment);
    }

    private String key() {
        return key(List.of("-Xmx64m"), List.of(a, b), "com.acme.Worker", Map.of());
    }

    @Test
    void equalInputsGiveEqualKeys() {
        assertEquals(key(), key());
        assertEquals(32, key().length());
    }

    @Test
    void aJarsNewModificationTimeChangesTheKey() throws IOException {
        String before = key();
        Files.setLastModifiedTime(b, FileTime.fromMillis(1_600_000_001_000L));
        assertNotEquals(before, key());
    }

    @Test
    void aJarsNewSizeChangesTheKeyEvenAtTheSameTime() throws IOException {
        String before = key();
        Files.writeString(b, "bbb");
        Files.setLastModifiedTime(b, FileTime.fromMillis(1_600_000_000_000L));
        assertNotEquals(before, key());
    }

    @Test
    void theClasspathsOrderChangesTheKey() {
        assertNotEquals(key(List.of("-Xmx64m"), List.of(a, b), "com.acme.Worker", Map.of()),
                key(List.of("-Xmx64m"), List.of(b, a), "com.acme.Worker", Map.of()));
    }

    @Test
    void jvmOptionsAndTheMainClassChangeTheKey() {
        assertNotEquals(key(), key(List.of("-Xmx128m"), List.of(a, b), "com.acme.Worker", Map.of()));
        assertNotEquals(key(), key(List.of("-Xmx64m"), List.of(a, b), "com.acme.Other", Map.of()));
    }

    @Test
    void optionsFromTheEnvironmentChangeTheKeyAndThreadVariablesDoNot() {
        assertNotEquals(key(), key(List.of("-Xmx64m"), List.of(a, b), "com.acme.Worker", Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseZGC")));
        assertEquals(key(), key(List.of("-Xmx64m"), List.of(a, b), "com.acme.Worker", Map.of("OMP_NUM_THREADS", "1")));
    }

    @Test
    void anotherJdkChangesTheKey() {
        WorkerJdk other = new WorkerJdk(jdk.java(), jdk.featureVersion(), jdk.identity() + " updated");
        assertNotEquals(key(), ClassArchiveKey.of(command(List.of("-Xmx64m"), List.of(a, b), "com.acme.Worker"), other, Map.of()));
    }
}
