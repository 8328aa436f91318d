package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.TimingSpec;
import io.github.opcompare.worker.WorkerJson;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker as the plugin runs it: its own JVM, JSON lines on stdin and stdout, arrays in files. */
class TensorFlowWorkerProcessTest {
    @TempDir
    Path dir;

    @Test
    void answersHelloAndRunsSqrtThroughFiles() throws Exception {
        Path input = dir.resolve("x.f32");
        Path output = dir.resolve("y.f32");
        double[] x = {0, 1, 4, 9, 2, 1e-3};
        RawArrayFiles.write(new Values(DType.FLOAT32, x), input);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                TensorFlowWorker.class.getName())
                .redirectError(dir.resolve("worker.err").toFile())
                .start();
        try (PrintWriter requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader replies = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            requests.println(WorkerJson.line(WorkerRequest.hello()));
            WorkerReply hello = WorkerJson.parse(replies.readLine(), WorkerReply.class);
            assertTrue(hello.ok(), String.valueOf(hello));
            assertEquals("tensorflow", hello.library());
            assertEquals("cpu", hello.device());
            assertTrue(hello.version().contains("(TensorFlow "), hello.version());

            assertEquals(Runtime.getRuntime().availableProcessors(), hello.threads());

            requests.println(WorkerJson.line(WorkerRequest.run("case-1", "sqrt", "float32",
                    List.of(new ArrayRef(input.toString(), x.length)), new ArrayRef(output.toString(), x.length), 1)));
            String line = replies.readLine();
            assertNotNull(line, "worker ended without answering; stderr: " + stderr());
            WorkerReply run = WorkerJson.parse(line, WorkerReply.class);
            assertTrue(run.ok(), run + "; stderr: " + stderr());
            assertEquals("case-1", run.id());
            assertTrue(run.firstCallNanos() > 0);

            requests.println(WorkerJson.line(WorkerRequest.time("case-1@" + x.length, "sqrt", "float32",
                    List.of(new ArrayRef(input.toString(), x.length)), new ArrayRef(dir.resolve("timed.bin").toString(), x.length),
                    TimingSpec.withBudget(300_000_000L))));
            WorkerReply timed = WorkerJson.parse(replies.readLine(), WorkerReply.class);
            assertTrue(timed.ok(), timed + "; stderr: " + stderr());
            assertTrue(timed.sampleNanos().size() >= 5, String.valueOf(timed.sampleNanos()));
            assertTrue(timed.sampleNanos().stream().allMatch(t -> t > 0), String.valueOf(timed.sampleNanos()));
            assertTrue(timed.callsPerSample() >= 1);
            assertFalse(timed.transferInNanos().isEmpty());
            assertFalse(timed.transferOutNanos().isEmpty());

            Values y = RawArrayFiles.read(output, DType.FLOAT32, x.length);
            for (int i = 0; i < x.length; i++) {
                // sqrt is correctly rounded in IEEE 754; so is the float rounding of Math.sqrt.
                assertEquals((float) Math.sqrt((float) x[i]), (float) y.get(i), "sqrt(" + (float) x[i] + ")");
            }

            requests.println(WorkerJson.line(WorkerRequest.exit()));
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "worker did not exit");
            assertEquals(0, process.exitValue(), stderr());
        } finally {
            process.destroyForcibly();
        }
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("worker.err"));
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }
}
