package io.github.opcompare.backend.nd4j;

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
 * The nd4j-gpu worker where ND4J's CUDA backend cannot load (no GPU, no CUDA natives on this
 * classpath): it must end at once with the reason, which the engine shows as the skip reason, not
 * crash or hang.
 */
class Nd4jGpuWorkerProcessTest {
    @TempDir
    Path dir;

    @Test
    void withoutCudaTheWorkerSaysWhyAndEnds() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Nd4jGpuWorker.class.getName()).redirectError(dir.resolve("worker.err").toFile()).start();
        try (PrintWriter requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader replies = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            requests.println(WorkerJson.line(WorkerRequest.hello()));
            String line = replies.readLine();
            assertNotNull(line, "no reply; stderr: " + Files.readString(dir.resolve("worker.err")));
            WorkerReply reply = WorkerJson.parse(line, WorkerReply.class);
            assertEquals(WorkerReply.FAILED, reply.status(), line);
            assertTrue(reply.message().startsWith("backend cannot start: ND4J's CUDA backend did not load ("), reply.message());
            assertTrue(reply.message().contains("libcudart.so.11.0"), reply.message());
            assertTrue(!reply.message().contains("\n"), "one line, no stack trace: " + reply.message());
            System.out.println("nd4j-gpu without CUDA: " + reply.message());
        } finally {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the worker did not end");
        }
        assertEquals(3, process.exitValue());
    }
}
