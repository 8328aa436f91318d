package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a worker's command is rewritten to use or write its class archive, and when it is left alone. */
class WorkerClassArchiveTest {
    @TempDir
    Path dir;

    private final List<String> debug = new ArrayList<>();
    private Path cache;
    private List<String> jars;

    @BeforeEach
    void jars() throws IOException {
        cache = dir.resolve("cache");
        Path a = Files.writeString(dir.resolve("a.jar"), "a");
        Path b = Files.writeString(dir.resolve("b.jar"), "bb");
        jars = List.of(a.toString(), b.toString());
    }

    private WorkerCommand worker(String java, List<String> classpath) {
        return WorkerCommand.java(java, List.of("-Xmx64m"), classpath, "com.acme.Worker", Map.of("OMP_NUM_THREADS", "1"));
    }

    private WorkerClassArchive archive() {
        return WorkerClassArchive.in(cache, Map.of(), debug::add);
    }

    /** A JDK home with a {@code release} file (or none) and an executable {@code bin/java} that is never run. */
    private String fakeJdk(String name, String release) throws IOException {
        Path home = dir.resolve(name);
        Path java = home.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        java.toFile().setExecutable(true);
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        return java.toString();
    }

    @Test
    void withoutAnArchiveTheWorkerWritesOneToAFileOfItsOwnBesideItsPlace() {
        WorkerCommand command = worker(WorkerCommand.javaOfThisJvm(), jars);
        WorkerClassArchive.Launch launch = archive().launch(command);

        assertTrue(launch.dump().isPresent());
        ClassArchiveDump dump = launch.dump().get();
        assertEquals(cache.toAbsolutePath(), dump.temporary().getParent());
        assertEquals(cache.toAbsolutePath(), dump.archive().getParent());
        assertTrue(dump.temporary().getFileName().toString().endsWith(".tmp"), dump.temporary().toString());
        assertTrue(dump.archive().getFileName().toString().matches("Worker-[0-9a-f]{32}\\.jsa"), dump.archive().toString());
        List<String> expected = new ArrayList<>(List.of(WorkerCommand.javaOfThisJvm(), "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:ArchiveClassesAtExit=" + dump.temporary(), "-Xmx64m", "-cp", String.join(java.io.File.pathSeparator, jars),
                "com.acme.Worker"));
        assertEquals(expected, launch.command().command());
        assertEquals(command.environment(), launch.command().environment());
    }

    @Test
    void withItsArchiveInPlaceTheWorkerMapsItAndWritesNothing() throws IOException {
        WorkerCommand command = worker(WorkerCommand.javaOfThisJvm(), jars);
        ClassArchiveDump first = archive().launch(command).dump().orElseThrow();
        Files.writeString(first.archive(), "an archive");
        Files.delete(first.temporary());

        WorkerClassArchive.Launch launch = archive().launch(command);

        assertTrue(launch.dump().isEmpty());
        assertEquals(List.of(WorkerCommand.javaOfThisJvm(), "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:SharedArchiveFile=" + first.archive(), "-Xmx64m", "-cp", String.join(java.io.File.pathSeparator, jars),
                "com.acme.Worker"), launch.command().command());
        try (var files = Files.list(cache)) {
            assertEquals(List.of(first.archive()), files.toList(), "no temporary file for a worker that writes nothing");
        }
    }

    @Test
    void aSecondWorkerOfTheSameKeyInOneRunWritesNothingUntilTheFirstHasEnded() throws IOException {
        WorkerClassArchive archive = archive();
        WorkerCommand main = worker(WorkerCommand.javaOfThisJvm(), jars);
        WorkerCommand twin = new WorkerCommand(main.command(), Map.of("OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1"));
        ClassArchiveDump writer = archive.launch(main).dump().orElseThrow();

        WorkerClassArchive.Launch second = archive.launch(twin);
        assertEquals(twin, second.command());
        assertTrue(second.dump().isEmpty());

        // The writer crashed: nothing in place, so the next start (a restart) writes it.
        writer.finish(134);
        assertTrue(archive.launch(twin).dump().isPresent());
    }

    @Test
    void aJdkOlderThan13IsLeftAlone() throws IOException {
        String java = fakeJdk("jdk11", "IMPLEMENTOR=\"Acme\"\nJAVA_VERSION=\"11.0.2\"\n");
        WorkerCommand command = worker(java, jars);
        WorkerClassArchive.Launch launch = archive().launch(command);
        assertEquals(command, launch.command());
        assertTrue(launch.dump().isEmpty());
        assertTrue(debug.get(0).contains("Java 11"), debug.toString());
        assertFalse(Files.exists(cache), "nothing is created for a worker that gets no archive");
    }

    @Test
    void aJdk13OrLaterOtherThanTheBuildsOwnWritesOne() throws IOException {
        String java = fakeJdk("jdk21", "JAVA_VERSION=\"21.0.1\"\n");
        assertTrue(archive().launch(worker(java, jars)).dump().isPresent());
    }

    @Test
    void aJdkOfUnknownVersionIsLeftAlone() throws IOException {
        String java = fakeJdk("nojdk", null);
        WorkerCommand command = worker(java, jars);
        WorkerClassArchive.Launch launch = archive().launch(command);
        assertEquals(command, launch.command());
        assertTrue(debug.get(0).contains("unknown version"), debug.toString());
    }

    @Test
    void aCacheFolderThatCannotBeCreatedMeansNoArchiveAndNoFailure() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        WorkerCommand command = worker(WorkerCommand.javaOfThisJvm(), jars);
        WorkerClassArchive.Launch launch = WorkerClassArchive.in(file.resolve("cache"), Map.of(), debug::add).launch(command);
        assertEquals(command, launch.command());
        assertTrue(launch.dump().isEmpty());
        assertTrue(debug.get(0).contains("cannot write"), debug.toString());
    }

    @Test
    void aFolderOnTheClasspathIsLeftAlone() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        WorkerCommand command = worker(WorkerCommand.javaOfThisJvm(), List.of(jars.get(0), classes.toString()));
        assertEquals(command, archive().launch(command).command());
        assertTrue(debug.get(0).contains("a folder"), debug.toString());
    }

    @Test
    void aPythonWorkerIsLeftAlone() {
        WorkerCommand command = new WorkerCommand(List.of("/usr/bin/python3", "-u", "numpy_worker.py"), Map.of());
        WorkerClassArchive.Launch launch = archive().launch(command);
        assertEquals(command, launch.command());
        assertTrue(launch.dump().isEmpty());
    }

    @Test
    void noneLeavesEveryWorkerAlone() {
        WorkerCommand command = worker(WorkerCommand.javaOfThisJvm(), jars);
        assertEquals(command, WorkerClassArchive.none().launch(command).command());
        assertEquals(command, WorkerClassArchive.in(null, debug::add).launch(command).command());
    }

    @Test
    void temporaryFilesOlderThanAnHourAreDeletedAndNewerOnesKept() throws IOException {
        Files.createDirectories(cache);
        Path old = Files.writeString(cache.resolve("Worker-x.1.tmp"), "left by a killed build");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path recent = Files.writeString(cache.resolve("Worker-x.2.tmp"), "another build's, being written");
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(10, ChronoUnit.MINUTES)));

        archive().launch(worker(WorkerCommand.javaOfThisJvm(), jars));

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
    }

    @Test
    void archivesUnusedFor30DaysAreDeletedWhenANewOneIsWrittenAndUsingOneMarksIt() throws IOException {
        Files.createDirectories(cache);
        Path stale = Files.writeString(cache.resolve("Worker-0123.jsa"), "of a library version long gone");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS)));
        Path monthly = Files.writeString(cache.resolve("Worker-4567.jsa"), "used 20 days ago");
        Files.setLastModifiedTime(monthly, FileTime.from(Instant.now().minus(20, ChronoUnit.DAYS)));
        WorkerCommand command = worker(WorkerCommand.javaOfThisJvm(), jars);

        ClassArchiveDump dump = archive().launch(command).dump().orElseThrow();
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(monthly));

        Files.delete(dump.temporary());
        Files.writeString(dump.archive(), "an archive");
        Files.setLastModifiedTime(dump.archive(), FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS)));
        archive().launch(command);
        assertTrue(Files.getLastModifiedTime(dump.archive()).toInstant().isAfter(Instant.now().minus(1, ChronoUnit.DAYS)),
                "a start from the archive marks it used");
    }
}
