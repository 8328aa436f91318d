package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What becomes of the file a worker wrote its archive to, for every way the worker can end. */
class ClassArchiveDumpTest {
    @TempDir
    Path dir;

    private final List<String> debug = new ArrayList<>();

    private ClassArchiveDump dump(String written) throws IOException {
        Path temporary = dir.resolve("W-k.123.tmp");
        if (written != null) {
            Files.writeString(temporary, written);
        }
        return new ClassArchiveDump(temporary, dir.resolve("W-k.jsa"), debug::add);
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNormalExitPutsTheArchiveInPlace() throws IOException {
        dump("archive").finish(0);
        assertEquals(List.of("W-k.jsa"), files());
        assertEquals("archive", Files.readString(dir.resolve("W-k.jsa")));
    }

    @Test
    void anyOtherExitDeletesIt() throws IOException {
        dump("archive").finish(42);
        assertEquals(List.of(), files());
    }

    @Test
    void anArchiveAlreadyInPlaceIsKeptAndTheNewOneDeleted() throws IOException {
        Files.writeString(dir.resolve("W-k.jsa"), "the first");
        dump("the second").finish(0);
        assertEquals(List.of("W-k.jsa"), files());
        assertEquals("the first", Files.readString(dir.resolve("W-k.jsa")));
    }

    @Test
    void anEmptyFileIsNoArchive() throws IOException {
        dump("").finish(0);
        assertEquals(List.of(), files());
        assertTrue(debug.get(0).contains("wrote no class archive"), debug.toString());
    }

    @Test
    void aMissingFileIsNoFailure() throws IOException {
        dump(null).finish(0);
        assertEquals(List.of(), files());
    }

    @Test
    void abandoningDeletesItAndOnlyTheFirstOutcomeCounts() throws IOException {
        ClassArchiveDump dump = dump("half an archive");
        dump.abandon();
        Files.writeString(dump.temporary(), "written again");
        dump.finish(0);
        assertFalse(Files.exists(dump.archive()), "a second outcome is ignored");
    }
}
