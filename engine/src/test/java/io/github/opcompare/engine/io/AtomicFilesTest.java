package io.github.opcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNoTemporaryBehind() throws Exception {
        Path target = dir.resolve("results.json");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void givesTheSamePermissionsAsAnOrdinaryNewFile() throws Exception {
        // Report pages are served by web servers: they must not come out owner-only.
        Path ordinary = Files.createFile(dir.resolve("ordinary.html"));
        Path written = dir.resolve("index.html");
        AtomicFiles.writeString(written, "<html></html>");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(written));
    }
}
