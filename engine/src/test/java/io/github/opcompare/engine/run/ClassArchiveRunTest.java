package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.worker.JavaMathWorker;
import io.github.opcompare.engine.worker.WorkerClassArchive;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole runs with a class-archive folder: three workers of one key (two backends on the same
 * classpath, and the first one's single-thread twin) leave one archive after the first run and
 * nothing else, and every worker of the second run loads its classes from it (by the JVM's own
 * class-loading log), with the same results.
 */
class ClassArchiveRunTest {
    @TempDir
    Path dir;

    private Results run(Path cache, List<String> classpath, Path classLog) throws IOException {
        List<BackendDescriptor> backends = List.of(
                new BackendDescriptor("math-a", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_THREADS", "2")),
                new BackendDescriptor("math-b", "java-math", "cpu", "unused", Map.of()));
        List<PlannedCase> cases = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float32"), "range(0,100)", 10, 1)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(100), Duration.ofMillis(100), 2, true, Duration.ofSeconds(60), Duration.ofSeconds(60), 3,
                EnvironmentProbe.capture("test", List.of()), "test");
        return new ComparisonRunner(settings, backend -> WorkerCommand.java(WorkerCommand.javaOfThisJvm(),
                List.of("-Xmx64m", "-Xlog:class+load=info:file=" + classLog.resolve("classes-%p.log")), classpath,
                JavaMathWorker.class.getName(), backend.environment()), new RunListener() {
                })
                .classArchive(WorkerClassArchive.in(cache, s -> { })).run(cases, backends);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    /** Where each worker JVM of a run loaded the worker's main class from, one line per JVM. */
    private static List<String> mainClassSources(Path classLog) throws IOException {
        List<String> sources = new java.util.ArrayList<>();
        for (Path log : files(classLog)) {
            Files.readAllLines(log).stream().filter(l -> l.contains(" " + JavaMathWorker.class.getName() + " source:"))
                    .forEach(sources::add);
        }
        return sources;
    }

    private static void allOk(Results results) {
        for (BackendResult r : results.cases().get(0).results()) {
            assertEquals("ok", r.status(), r.backend() + ": " + r.message());
        }
    }

    @Test
    void theFirstRunLeavesOneArchiveAndEveryWorkerOfTheSecondMapsIt() throws IOException {
        List<String> classpath = WorkerJars.javaMathWorker(Files.createDirectories(dir.resolve("jars")));
        Path cache = dir.resolve("cache");
        Path classLog = Files.createDirectories(dir.resolve("class-log"));

        Results first = run(cache, classpath, classLog);
        allOk(first);
        List<Path> archives = files(cache);
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"), archives.toString());
        List<String> firstSources = mainClassSources(classLog);
        assertEquals(3, firstSources.size(), "math-a, its single-thread twin and math-b: " + firstSources);
        assertTrue(firstSources.stream().allMatch(l -> l.contains("source: file:")), firstSources.toString());

        for (Path log : files(classLog)) {
            Files.delete(log);
        }
        Results second = run(cache, classpath, classLog);
        allOk(second);
        assertEquals(archives, files(cache));
        List<String> secondSources = mainClassSources(classLog);
        assertEquals(3, secondSources.size(), secondSources.toString());
        assertTrue(secondSources.stream().allMatch(l -> l.contains("source: shared objects file")), secondSources.toString());
        assertEquals(first.cases().get(0).results().get(0).accuracy(), second.cases().get(0).results().get(0).accuracy());
    }
}
