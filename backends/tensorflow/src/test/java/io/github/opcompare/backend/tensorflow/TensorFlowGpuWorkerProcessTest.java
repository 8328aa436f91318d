package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.WorkerJson;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tensorflow-gpu worker as the plugin starts it (OPCOMPARE_TF_DEVICE=gpu) on a machine whose
 * TensorFlow has no GPU: it must end at once with a reason the engine reports as the skip reason,
 * not crash, hang or quietly run on the CPU.
 */
class TensorFlowGpuWorkerProcessTest {
    @TempDir
    Path dir;

    @Test
    void withoutAGpuTheWorkerSaysWhyAndEnds() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                TensorFlowWorker.class.getName()).redirectError(dir.resolve("worker.err").toFile());
        builder.environment().put("OPCOMPARE_TF_DEVICE", "gpu");
        Process process = builder.start();
        try (PrintWriter requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader replies = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            requests.println(WorkerJson.line(WorkerRequest.hello()));
            String line = replies.readLine();
            assertNotNull(line, "no reply; stderr: " + Files.readString(dir.resolve("worker.err")));
            WorkerReply reply = WorkerJson.parse(line, WorkerReply.class);
            assertEquals(WorkerReply.FAILED, reply.status(), line);
            assertTrue(reply.message().startsWith("backend cannot start: TensorFlow has no usable /device:GPU:0 ("),
                    reply.message());
            assertTrue(!reply.message().contains("\n"), "one line, no stack trace: " + reply.message());
            System.out.println("tensorflow-gpu without a GPU: " + reply.message());
        } finally {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the worker did not end");
        }
        assertEquals(3, process.exitValue());
    }
}
