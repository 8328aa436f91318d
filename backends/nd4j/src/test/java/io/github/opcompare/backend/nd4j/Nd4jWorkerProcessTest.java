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
 * Runs the worker as the plugin does: its own JVM, the JVM options its backend.json declares,
 * JSON lines on stdin and stdout, raw arrays in files.
 */
class Nd4jWorkerProcessTest {
    @TempDir
    Path dir;

    @Test
    void answersHelloAndRunsSqrtThroughFiles() throws Exception {
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Path input = dir.resolve("x.f32");
        Path output = dir.resolve("sqrt.f32");
        RawArrayFiles.write(new Values(DType.FLOAT32, x), input);

        Path stderr = dir.resolve("stderr.txt");
        Process worker = start(Nd4jWorker.class, stderr);
        List<String> replies;
        try (Writer stdin = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8)) {
            send(stdin, WorkerRequest.hello());
            send(stdin, WorkerRequest.run("c1", "sqrt", "float32",
                    List.of(new ArrayRef(input.toString(), x.length)),
                    new ArrayRef(output.toString(), x.length), 1));
            send(stdin, WorkerRequest.time("c1@1000", "sqrt", "float32",
                    List.of(new ArrayRef(input.toString(), x.length)),
                    new ArrayRef(dir.resolve("timed.f32").toString(), x.length), TimingSpec.withBudget(200_000_000L)));
            send(stdin, WorkerRequest.run("c2", "no_such_op", "float32",
                    List.of(new ArrayRef(input.toString(), x.length)),
                    new ArrayRef(dir.resolve("none.f32").toString(), x.length), 1));
            send(stdin, WorkerRequest.exit());
        }
        // Everything on stdout must be protocol: reading it to the end also waits for the worker.
        replies = readLines(worker.getInputStream());
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "worker did not exit");
        String errors = Files.readString(stderr);
        assertEquals(0, worker.exitValue(), "worker exit status; stderr:\n" + errors);
        assertEquals(4, replies.size(), "one line per request but exit, and nothing else on stdout: " + replies);

        WorkerReply hello = WorkerJson.parse(replies.get(0), WorkerReply.class);
        assertTrue(hello.ok(), replies.get(0));
        assertEquals("nd4j", hello.library());
        assertEquals("cpu", hello.device());
        assertTrue(hello.version().startsWith("1.0.0-M2.1"), hello.version());

        assertEquals(Runtime.getRuntime().availableProcessors(), hello.threads());

        WorkerReply ran = WorkerJson.parse(replies.get(1), WorkerReply.class);
        assertTrue(ran.ok(), replies.get(1));
        assertEquals("c1", ran.id());
        assertTrue(ran.firstCallNanos() > 0);

        WorkerReply timed = WorkerJson.parse(replies.get(2), WorkerReply.class);
        assertTrue(timed.ok(), replies.get(2));
        assertNotNull(timed.sampleNanos());
        assertTrue(timed.sampleNanos().size() >= 5, timed.sampleNanos().toString());
        assertTrue(timed.sampleNanos().stream().allMatch(t -> t > 0), timed.sampleNanos().toString());
        assertTrue(timed.callsPerSample() >= 1);
        assertFalse(timed.transferInNanos().isEmpty());

        Values result = RawArrayFiles.read(output, DType.FLOAT32, x.length);
        for (int i = 0; i < x.length; i++) {
            // The correctly rounded float square root, as IEEE 754 requires of sqrt.
            assertEquals((float) Math.sqrt(i), (float) result.get(i), "sqrt(" + i + ")");
        }

        WorkerReply failed = WorkerJson.parse(replies.get(3), WorkerReply.class);
        assertEquals("c2", failed.id());
        assertEquals(WorkerReply.FAILED, failed.status());
        assertTrue(failed.message().contains("no_such_op"), failed.message());
    }

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
