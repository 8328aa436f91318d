package io.github.opcompare.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.TimingSpec;
import io.github.opcompare.worker.WorkerJson;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ND4J worker process must do beyond the conformance kit (Nd4jConformanceTest): keep
 * libnd4j's native prints off the protocol channel, and follow OMP_NUM_THREADS. Started as the plugin
 * starts it, with the JVM options its backend.json declares.
 */
class Nd4jWorkerProcessTest {
    @TempDir
    Path dir;

    @Test
    void keepsLibnd4jNativePrintsOffTheProtocolChannel() throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process worker = start(NoisyNd4jWorker.class, stderr);
        try (Writer stdin = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8)) {
            send(stdin, WorkerRequest.hello());
            send(stdin, WorkerRequest.exit());
        }
        List<String> replies = readLines(worker.getInputStream());
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "worker did not exit");
        String errors = Files.readString(stderr);
        assertEquals(1, replies.size(), "stdout should hold the hello reply alone: " + replies);
        WorkerReply hello = WorkerJson.parse(replies.get(0), WorkerReply.class);
        assertTrue(hello.ok(), replies.get(0));
        assertEquals("nd4j", hello.library());
        assertTrue(errors.contains("REDUCE_SUM OP"), "libnd4j's print went to stderr:\n" + errors);
    }

    @Test
    void ompNumThreadsLimitsTheWorkerToOneThread() throws Exception {
        Path stderr = dir.resolve("stderr-1-thread.txt");
        Process worker = start(Nd4jWorker.class, stderr, Map.of("OMP_NUM_THREADS", "1"));
        List<String> replies;
        try (Writer stdin = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8)) {
            send(stdin, WorkerRequest.hello());
            send(stdin, WorkerRequest.exit());
        }
        replies = readLines(worker.getInputStream());
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "worker did not exit");
        WorkerReply hello = WorkerJson.parse(replies.get(0), WorkerReply.class);
        assertEquals(1, hello.threads(), replies.get(0));
    }

    private static Process start(Class<?> mainClass, Path stderr) throws IOException {
        return start(mainClass, stderr, Map.of());
    }

    private static Process start(Class<?> mainClass, Path stderr, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(declaredJvmArgs());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        // To a file, so a chatty worker can never block on a full stderr pipe.
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The JVM options the plugin will start this worker with, from the backend's own descriptor. */
    private static List<String> declaredJvmArgs() throws IOException {
        JsonNode descriptor;
        try (InputStream in = Nd4jWorker.class.getResourceAsStream("/META-INF/opcompare/backend.json")) {
            assertNotNull(in, "backend.json on the classpath");
            descriptor = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS).readTree(in);
        }
        assertEquals(Nd4jWorker.class.getName(), descriptor.at("/worker/mainClass").asText());
        List<String> jvmArgs = new ArrayList<>();
        descriptor.at("/worker/jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return jvmArgs;
    }

    private static void send(Writer stdin, WorkerRequest request) throws IOException {
        stdin.write(WorkerJson.line(request));
        stdin.write('\n');
        stdin.flush();
    }

    private static List<String> readLines(InputStream stdout) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }
}
