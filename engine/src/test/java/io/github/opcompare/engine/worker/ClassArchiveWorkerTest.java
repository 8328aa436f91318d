package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real worker JVMs started through {@link WorkerProcess} with a class archive: the first writes it,
 * the next maps it, and nothing else is left in the folder whatever happens. Whether a worker's
 * classes came from the archive is read from the JVM's own class-loading log, which says "source:
 * shared objects file" for a class mapped from an archive and names the jar otherwise.
 */
class ClassArchiveWorkerTest {
    @TempDir
    static Path jarsDir;

    @TempDir
    Path dir;

    private static List<String> classpath;

    @BeforeAll
    static void workerJars() throws IOException {
        classpath = WorkerJars.javaMathWorker(jarsDir);
    }

    /** The worker, its class loading logged to a file per process ({@code %p}): the same options, so the same key, every time. */
    private WorkerCommand worker(Map<String, String> environment) {
        return WorkerCommand.java(WorkerCommand.javaOfThisJvm(), List.of("-Xmx64m",
                "-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log")), classpath, JavaMathWorker.class.getName(), environment);
    }

    private WorkerClassArchive.Launch launch(Path cache) {
        return WorkerClassArchive.in(cache, Map.of(), s -> { }).launch(worker(Map.of()));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Where the JVM of {@code worker} loaded the worker's main class from, by its class-loading log. */
    private String mainClassSource(WorkerProcess worker) throws IOException {
        Path log = dir.resolve("classes-" + worker.handle().pid() + ".log");
        return Files.readAllLines(log).stream().filter(l -> l.contains(" " + JavaMathWorker.class.getName() + " source:"))
                .findFirst().orElseThrow(() -> new AssertionError("no line for the worker's class in " + log));
    }

    private WorkerProcess startAndGreet(WorkerClassArchive.Launch launch) throws Exception {
        WorkerProcess worker = WorkerProcess.start(launch.command(), dir.resolve("worker.log"), launch.dump().orElse(null));
        WorkerReply hello = worker.hello(Duration.ofSeconds(60));
        assertEquals("java-math", hello.library());
        return worker;
    }

    @Test
    void theFirstRunWritesTheArchiveAndTheSecondMapsIt() throws Exception {
        Path cache = dir.resolve("cache");
        WorkerClassArchive.Launch first = launch(cache);
        assertTrue(first.dump().isPresent());
        try (WorkerProcess worker = startAndGreet(first)) {
            assertTrue(mainClassSource(worker).contains("source: file:"), mainClassSource(worker));
        }
        List<String> written = files(cache);
        assertEquals(1, written.size(), written.toString());
        assertTrue(written.get(0).endsWith(".jsa"), written.toString());

        WorkerClassArchive.Launch second = launch(cache);
        assertTrue(second.dump().isEmpty());
        assertTrue(second.command().command().contains("-XX:SharedArchiveFile=" + cache.toAbsolutePath().resolve(written.get(0))),
                second.command().command().toString());
        try (WorkerProcess worker = startAndGreet(second)) {
            assertTrue(mainClassSource(worker).contains("source: shared objects file"), mainClassSource(worker));
            // It works as usual from the archive: sqrt(4) = 2 exactly.
            Path in = dir.resolve("in.bin");
            Path out = dir.resolve("out.bin");
            RawArrayFiles.write(new Values(DType.FLOAT64, new double[] {4}), in);
            WorkerReply ran = worker.request(WorkerRequest.run("r", "sqrt", "float64", List.of(new ArrayRef(in.toString(), 1)),
                    new ArrayRef(out.toString(), 1), 1), Duration.ofSeconds(60));
            assertTrue(ran.ok(), ran.message());
            assertEquals(2.0, RawArrayFiles.read(out, DType.FLOAT64, 1).array()[0]);
        }
        assertEquals(written, files(cache));
    }

    @Test
    void aDamagedArchiveCostsOnlyTheSharing() throws Exception {
        Path cache = dir.resolve("cache");
        ClassArchiveDump dump = launch(cache).dump().orElseThrow();
        Files.delete(dump.temporary());
        Files.writeString(dump.archive(), "not an archive at all, just some text where one should be");

        WorkerClassArchive.Launch launch = launch(cache);
        assertTrue(launch.command().command().contains("-XX:SharedArchiveFile=" + dump.archive()));
        try (WorkerProcess worker = startAndGreet(launch)) {
            assertTrue(mainClassSource(worker).contains("source: file:"), mainClassSource(worker));
        }
    }

    @Test
    void twoBuildsWritingOneKeysArchiveAtOnceLeaveOneArchive() throws Exception {
        Path cache = dir.resolve("cache");
        // Two builds on one machine, each with its own view of the folder; the second's worker is a
        // single-thread twin, which differs only by its thread variables: the same key.
        WorkerClassArchive.Launch main = WorkerClassArchive.in(cache, Map.of(), s -> { }).launch(worker(Map.of()));
        WorkerClassArchive.Launch twin = WorkerClassArchive.in(cache, Map.of(), s -> { }).launch(worker(Map.of("OMP_NUM_THREADS", "1")));
        assertTrue(main.dump().isPresent() && twin.dump().isPresent());
        assertEquals(main.dump().get().archive(), twin.dump().get().archive());
        assertFalse(main.dump().get().temporary().equals(twin.dump().get().temporary()));
        WorkerProcess one = startAndGreet(main);
        WorkerProcess two = startAndGreet(twin);
        one.requestExit();
        two.requestExit();
        one.close();
        two.close();
        List<String> left = files(cache);
        assertEquals(List.of(main.dump().get().archive().getFileName().toString()), left);
    }

    @Test
    void aWorkerThatFailsOrIsEndedLeavesNothing() throws Exception {
        Path cache = dir.resolve("cache");
        Path in = dir.resolve("in.bin");
        RawArrayFiles.write(new Values(DType.FLOAT64, new double[] {4}), in);
        WorkerRequest run = WorkerRequest.run("r", "sqrt", "float64", List.of(new ArrayRef(in.toString(), 1)),
                new ArrayRef(dir.resolve("out.bin").toString(), 1), 1);
        WorkerClassArchive archive = WorkerClassArchive.in(cache, Map.of(), s -> { });

        // Exits with 42 when asked to run: a JVM writes its archive on any exit, but only a normal one is kept.
        WorkerClassArchive.Launch exits = archive.launch(worker(Map.of("OPCOMPARE_TEST_FAULT", "exit")));
        try (WorkerProcess worker = startAndGreet(exits)) {
            assertThrows(WorkerFailedException.class, () -> worker.request(run, Duration.ofSeconds(60)));
        }
        assertEquals(List.of(), files(cache));

        // Hangs when asked to run, and is ended when its time is up.
        WorkerClassArchive.Launch hangs = archive.launch(worker(Map.of("OPCOMPARE_TEST_FAULT", "hang")));
        try (WorkerProcess worker = startAndGreet(hangs)) {
            assertThrows(WorkerFailedException.class, () -> worker.request(run, Duration.ofSeconds(1)));
            assertFalse(worker.isAlive());
        }
        assertEquals(List.of(), files(cache));
    }
}
