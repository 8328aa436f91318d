package io.github.opcompare.engine.recording;

import io.github.opcompare.engine.data.RawArrayFiles;
import io.github.opcompare.engine.data.Values;
import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.npy.NpyArray;
import io.github.opcompare.engine.npy.NpyReader;
import io.github.opcompare.engine.worker.WorkerJson;
import io.github.opcompare.engine.worker.WorkerReply;
import io.github.opcompare.engine.worker.WorkerRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A worker that computes nothing: for each {@code run} it writes the values a user recorded elsewhere
 * (a {@code .npy} file per case label) to the output file, so the engine judges a recording exactly
 * like a live backend. It answers by the request id, which is the case label ({@code seed-sqrt/float32}),
 * and needs its own loop because an {@code OpExecutor} never sees that id. No timing: nothing ran here.
 *
 * <p>Usage: {@code java -cp <engine classpath> io.github.opcompare.engine.recording.RecordingWorker config.json},
 * the config written by {@link Recordings#writeWorkerConfig}.
 */
public final class RecordingWorker {
    private final String name;
    private final Map<String, String> files;
    private final PrintStream protocol;

    RecordingWorker(String name, Map<String, String> files, PrintStream protocol) {
        this.name = name;
        this.files = files;
        this.protocol = protocol;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Map<String, Object> config = Recordings.readWorkerConfig(Path.of(args[0]));
        RecordingWorker worker = new RecordingWorker((String) config.get("name"), (Map<String, String>) config.get("cases"), protocol);
        System.exit(worker.serve(System.in));
    }

    int serve(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            WorkerRequest request = WorkerJson.parse(line, WorkerRequest.class);
            if (WorkerRequest.EXIT.equals(request.cmd())) {
                return 0;
            }
            protocol.println(WorkerJson.line(handle(request)));
        }
        return 0;
    }

    WorkerReply handle(WorkerRequest request) {
        if (WorkerRequest.HELLO.equals(request.cmd())) {
            return WorkerReply.hello("recording", name, "recorded");
        }
        if (!WorkerRequest.RUN.equals(request.cmd())) {
            return WorkerReply.notRun(request.id(), WorkerReply.FAILED, "unknown command '" + request.cmd() + "'");
        }
        String file = files.get(request.id());
        if (file == null) {
            return WorkerReply.notRun(request.id(), WorkerReply.UNSUPPORTED, "no recording for " + request.id());
        }
        try {
            DType dtype = DType.of(request.dtype());
            NpyArray array = NpyReader.read(Path.of(file));
            int length = request.output().length();
            if (array.data().length != length) {
                return WorkerReply.notRun(request.id(), WorkerReply.FAILED, "recording " + file + " has "
                        + array.data().length + " values, but the case has " + length + " outputs");
            }
            RawArrayFiles.write(new Values(dtype, array.data()), Path.of(request.output().path()));
            return WorkerReply.ran(request.id(), List.of(), 0);
        } catch (RuntimeException e) {
            return WorkerReply.notRun(request.id(), WorkerReply.FAILED, e.getMessage());
        }
    }
}
