package io.github.opcompare.backend.numpy;

import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.WorkerJson;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The NumPy worker script run as the plugin runs it: {@code python3 numpy_worker.py}, JSON lines on
 * stdin and stdout, raw little-endian arrays in files (written and read by the engine's RawArrayFiles).
 */
final class NumpyWorker implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final BufferedReader stdout;
    private final Path dir;
    private int requests;

    private NumpyWorker(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Whether this machine has a python3 that imports NumPy (the backend is optional, as the README says). */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static NumpyWorker start(Path dir) throws IOException {
        Path script;
        try {
            script = Path.of(NumpyWorker.class.getResource("numpy_worker.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Process process = new ProcessBuilder("python3", script.toString())
                .redirectError(dir.resolve("numpy-stderr.txt").toFile())
                .start();
        return new NumpyWorker(process, dir);
    }

    /** Sends one request and reads its one-line reply. */
    WorkerReply send(WorkerRequest request) {
        try {
            stdin.write(WorkerJson.line(request));
            stdin.write('\n');
            stdin.flush();
            String line = stdout.readLine();
            if (line == null) {
                throw new IllegalStateException("the NumPy worker closed its stdout; see " + dir.resolve("numpy-stderr.txt"));
            }
            return WorkerJson.parse(line, WorkerReply.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reply to a run of the op on the operands (values of the dtype), and the outputs when it is ok. */
    Result run(Op op, DType dtype, double[]... operands) {
        int n = ++requests;
        List<ArrayRef> inputs = new ArrayList<>();
        for (int k = 0; k < operands.length; k++) {
            Path file = dir.resolve("in-" + n + "-" + k + ".raw");
            RawArrayFiles.write(new Values(dtype, operands[k]), file);
            inputs.add(new ArrayRef(file.toString(), operands[k].length));
        }
        int outLength = op.outputLength(operands[0].length);
        Path output = dir.resolve("out-" + n + ".raw");
        WorkerReply reply = send(WorkerRequest.run("r" + n, op.id(), dtype.id(), inputs,
                new ArrayRef(output.toString(), outLength), 1));
        double[] values = reply.ok() ? RawArrayFiles.read(output, dtype, outLength).array() : null;
        return new Result(reply, values);
    }

    record Result(WorkerReply reply, double[] values) {
    }

    @Override
    public void close() throws Exception {
        // exit has no reply: the worker just ends.
        stdin.write(WorkerJson.line(WorkerRequest.exit()));
        stdin.write('\n');
        stdin.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the NumPy worker did not exit");
        }
    }
}
