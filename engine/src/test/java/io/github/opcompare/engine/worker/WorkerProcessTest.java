package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.TimingSpec;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Forks real worker JVMs and speaks the protocol with them. */
class WorkerProcessTest {
    @TempDir
    Path dir;

    static WorkerCommand javaMathWorker(Map<String, String> env) {
        return WorkerCommand.java(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of("-Xmx64m"),
                Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)),
                JavaMathWorker.class.getName(), env);
    }

    @Test
    void helloThenRunWritesEveryRepeatsResult() throws Exception {
        Path in = dir.resolve("in.bin");
        Path out = dir.resolve("out.bin");
        RawArrayFiles.write(new Values(DType.FLOAT32, new double[] {0, 1, 4, 2}), in);
        try (WorkerProcess worker = WorkerProcess.start(javaMathWorker(Map.of("OPCOMPARE_TEST_THREADS", "3")), dir.resolve("worker.log"))) {
            WorkerReply hello = worker.hello(Duration.ofSeconds(60));
            assertEquals("java-math", hello.library());
            assertEquals("cpu", hello.device());
            assertEquals(3, hello.threads());
            assertTrue(hello.runtime().contains(System.getProperty("java.version")), hello.runtime());
            assertTrue(hello.runtime().contains("-Xmx64m"), hello.runtime());

            WorkerReply reply = worker.request(WorkerRequest.run("t1", "sqrt", "float32", List.of(new ArrayRef(in.toString(), 4)),
                    new ArrayRef(out.toString(), 8), 2), Duration.ofSeconds(60));
            assertTrue(reply.ok(), reply.message());
            assertTrue(reply.firstCallNanos() > 0);
            Values result = RawArrayFiles.read(out, DType.FLOAT32, 8);
            // sqrt(2) rounded to float32 is 0x3FB504F3 = 1.4142135; both repeats in turn.
            double root2 = Float.intBitsToFloat(0x3FB504F3);
            assertEquals(List.of(0.0, 1.0, 2.0, root2, 0.0, 1.0, 2.0, root2), Arrays.stream(result.array()).boxed().toList());
        }
    }

    @Test
    void timeMeasuresTheOpAndBothTransfersApartWithinTheBudget() throws Exception {
        Path in = dir.resolve("in.bin");
        RawArrayFiles.write(new Values(DType.FLOAT64, new double[1000]), in);
        try (WorkerProcess worker = WorkerProcess.start(javaMathWorker(Map.of("OPCOMPARE_TEST_COST", "300000,0")), dir.resolve("worker.log"))) {
            WorkerReply reply = worker.request(WorkerRequest.time("t", "sqrt", "float64", List.of(new ArrayRef(in.toString(), 1000)),
                    new ArrayRef(dir.resolve("o.bin").toString(), 1000), TimingSpec.withBudget(300_000_000L)), Duration.ofSeconds(60));
            assertTrue(reply.ok(), reply.message());
            assertTrue(reply.sampleNanos().size() >= 5, "samples: " + reply.sampleNanos());
            // Each call busy-waits 300 µs, so no sample's time per call can be shorter.
            assertTrue(reply.sampleNanos().stream().allMatch(t -> t >= 300_000), reply.sampleNanos().toString());
            assertFalse(reply.transferInNanos().isEmpty());
            assertFalse(reply.transferOutNanos().isEmpty());
            assertTrue(reply.transferOutNanos().stream().allMatch(t -> t > 0), reply.transferOutNanos().toString());
            assertTrue(reply.setupNanos() > 0);
        }
    }

    @Test
    void unsupportedOpIsAnsweredNotCrashed() throws Exception {
        Path in = dir.resolve("in.bin");
        RawArrayFiles.write(new Values(DType.FLOAT64, new double[] {1}), in);
        try (WorkerProcess worker = WorkerProcess.start(javaMathWorker(Map.of()), dir.resolve("worker.log"))) {
            WorkerReply reply = worker.request(WorkerRequest.run("t2", "tanh", "float64", List.of(new ArrayRef(in.toString(), 1)),
                    new ArrayRef(dir.resolve("o.bin").toString(), 1), 1), Duration.ofSeconds(60));
            assertEquals(WorkerReply.UNSUPPORTED, reply.status());
            assertEquals("java-math test worker has no tanh", reply.message());
        }
    }

    @Test
    void aWorkerThatDiesIsReportedWithItsExitCode() throws Exception {
        Path in = dir.resolve("in.bin");
        RawArrayFiles.write(new Values(DType.FLOAT64, new double[] {1}), in);
        try (WorkerProcess worker = WorkerProcess.start(javaMathWorker(Map.of("OPCOMPARE_TEST_FAULT", "exit")), dir.resolve("worker.log"))) {
            worker.hello(Duration.ofSeconds(60));
            var e = assertThrows(WorkerFailedException.class, () -> worker.request(WorkerRequest.run("t3", "sqrt", "float64",
                    List.of(new ArrayRef(in.toString(), 1)), new ArrayRef(dir.resolve("o.bin").toString(), 1), 1),
                    Duration.ofSeconds(60)));
            assertTrue(e.getMessage().startsWith("worker ended unexpectedly (exit code 42)"), e.getMessage());
        }
    }

    @Test
    void aWorkerThatHangsIsEndedAtTheTimeout() throws Exception {
        Path in = dir.resolve("in.bin");
        RawArrayFiles.write(new Values(DType.FLOAT64, new double[] {1}), in);
        WorkerProcess worker = WorkerProcess.start(javaMathWorker(Map.of("OPCOMPARE_TEST_FAULT", "hang")), dir.resolve("worker.log"));
        try {
            worker.hello(Duration.ofSeconds(60));
            var e = assertThrows(WorkerFailedException.class, () -> worker.request(WorkerRequest.run("t4", "sqrt", "float64",
                    List.of(new ArrayRef(in.toString(), 1)), new ArrayRef(dir.resolve("o.bin").toString(), 1), 1),
                    Duration.ofSeconds(2)));
            assertTrue(e.getMessage().startsWith("no answer within 2 s; the worker was ended"), e.getMessage());
            assertFalse(worker.isAlive());
        } finally {
            worker.close();
        }
    }

    /**
     * Each fault happens for real in the forked worker; what the user reads is the message's first
     * line, and the stderr or stdout tail below it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            segv    | worker crashed with signal 11 (SIGSEGV) in native code: SIGSEGV (0xb) at pc= | problematic frame:
            abort   | worker crashed with signal 6 (SIGABRT) (exit code 134) |
            oom     | worker ran out of memory (exit code 3)                | java.lang.OutOfMemoryError
            exit    | worker ended unexpectedly (exit code 42)              |
            garbage | worker wrote an unreadable reply on its protocol channel (a line that is not JSON): 'this is not JSON'; the worker was ended | this is not JSON
            """)
    void everyFaultEndsTheWorkerWithItsCause(String fault, String expectedStart, String alsoMentioned) throws Exception {
        Path in = dir.resolve("in.bin");
        RawArrayFiles.write(new Values(DType.FLOAT64, new double[] {1}), in);
        Path log = dir.resolve("logs").resolve(fault + ".log");
        WorkerProcess worker = WorkerProcess.start(javaMathWorker(Map.of("OPCOMPARE_TEST_FAULT", fault)), log);
        try {
            worker.hello(Duration.ofSeconds(60));
            var e = assertThrows(WorkerFailedException.class, () -> worker.request(WorkerRequest.run("t5", "sqrt", "float64",
                    List.of(new ArrayRef(in.toString(), 1)), new ArrayRef(dir.resolve("o.bin").toString(), 1), 1),
                    Duration.ofSeconds(60)));
            System.out.println("[" + fault + "] " + e.getMessage());
            assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
            if (alsoMentioned != null) {
                assertTrue(e.getMessage().contains(alsoMentioned), e.getMessage());
            }
            assertFalse(worker.isAlive());
        } finally {
            worker.close();
        }
    }

    @Test
    void aJvmCrashLeavesItsReportInTheLogFolderNotInTheProject() throws Exception {
        Path in = dir.resolve("in.bin");
        RawArrayFiles.write(new Values(DType.FLOAT64, new double[] {1}), in);
        Path logs = dir.resolve("crash-logs");
        try (WorkerProcess worker = WorkerProcess.start(javaMathWorker(Map.of("OPCOMPARE_TEST_FAULT", "segv")), logs.resolve("w.log"))) {
            worker.hello(Duration.ofSeconds(60));
            var e = assertThrows(WorkerFailedException.class, () -> worker.request(WorkerRequest.run("t6", "sqrt", "float64",
                    List.of(new ArrayRef(in.toString(), 1)), new ArrayRef(dir.resolve("o.bin").toString(), 1), 1),
                    Duration.ofSeconds(60)));
            long pid = worker.handle().pid();
            Path report = logs.resolve("hs_err_pid" + pid + ".log");
            assertTrue(Files.isRegularFile(report), "no " + report);
            assertTrue(e.getMessage().contains("crash report: " + report), e.getMessage());
            assertFalse(Files.exists(Path.of("hs_err_pid" + pid + ".log")));
            assertFalse(Files.exists(Path.of("core")));
        }
    }
}
