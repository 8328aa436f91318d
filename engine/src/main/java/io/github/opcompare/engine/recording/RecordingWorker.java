package io.github.opcompare.engine.recording;

import io.github.opcompare.engine.npy.NpyArray;
import io.github.opcompare.engine.npy.NpyReader;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.WorkerServer;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A worker that computes nothing: for each {@code run} it writes the values a user recorded elsewhere
 * (a {@code .npy} file per case label) to the output file, so the engine judges a recording exactly
 * like a live backend. It answers by the request id, which is the case label ({@code seed-sqrt/float32}),
 * so it is a {@code RequestHandler} rather than an {@code OpExecutor}, which never sees that id. No timing: nothing ran here.
 *
 * <p>Usage: {@code java -cp <engine classpath> io.github.opcompare.engine.recording.RecordingWorker config.json},
 * the config written by {@link Recordings#writeWorkerConfig}.
 */
public final class RecordingWorker {
    private final String name;
    private final Map<String, String> files;

    RecordingWorker(String name, Map<String, String> files) {
        this.name = name;
        this.files = files;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        WorkerServer.serve(() -> {
            try {
                Map<String, Object> config = Recordings.readWorkerConfig(Path.of(args[0]));
                return new RecordingWorker((String) config.get("name"), (Map<String, String>) config.get("cases"))::handle;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the recording worker's configuration " + args[0], e);
            }
        });
    }

    WorkerReply handle(WorkerRequest request) {
        if (WorkerRequest.HELLO.equals(request.cmd())) {
            return WorkerReply.hello("recording", name, "recorded", 1, "recorded values, no runtime");
        }
        if (WorkerRequest.TIME.equals(request.cmd())) {
            return WorkerReply.notRun(request.id(), WorkerReply.UNSUPPORTED, "a recording has values but no timing");
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
            int repeats = request.repeatCount();
            int length = request.output().length() / repeats;
            if (array.data().length != length) {
                return WorkerReply.notRun(request.id(), WorkerReply.FAILED, "recording " + file + " has "
                        + array.data().length + " values, but the case has " + length + " outputs");
            }
            // Every repeat gives the recorded values: a recording is reproducible by construction.
            double[] repeated = new double[length * repeats];
            for (int k = 0; k < repeats; k++) {
                System.arraycopy(array.data(), 0, repeated, k * length, length);
            }
            RawArrayFiles.write(new Values(dtype, repeated), Path.of(request.output().path()));
            return WorkerReply.ran(request.id(), 0);
        } catch (RuntimeException e) {
            return WorkerReply.notRun(request.id(), WorkerReply.FAILED, e.getMessage());
        }
    }
}
