package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <jvm>}: a JDK's home or its java, checked before anything runs; unset is the build's own Java. */
class WorkerJvmTest {
    @TempDir
    Path dir;

    @Test
    void unsetIsTheBuildsOwnJava() {
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), WorkerJvm.resolve(null, dir));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), WorkerJvm.resolve(" ", dir));
    }

    @Test
    void aJdkHomeOrItsJavaRunsTheWorkers() throws Exception {
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(java.toString(), WorkerJvm.resolve("jdk", dir));
        assertEquals(java.toString(), WorkerJvm.resolve(java.toString(), dir));
    }

    @Test
    void aPathWithoutAnExecutableJavaIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> WorkerJvm.resolve("/no/such/jdk", dir));
        assertTrue(e.getMessage().startsWith("Invalid jvm '/no/such/jdk': /no/such/jdk is not an executable java"), e.getMessage());
    }
}
