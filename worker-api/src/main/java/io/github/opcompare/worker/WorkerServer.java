package io.github.opcompare.worker;

import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The worker side of the protocol: reads JSON-line requests from stdin, runs them through a
 * backend's {@link OpExecutor}, answers on stdout. A backend's main method is one call to
 * {@link #main(Supplier)}; a worker that is not an op executor (a recording) passes its own
 * {@link RequestHandler} to {@link #serve(Supplier)}.
 */
public final class WorkerServer {
    private final OpExecutor executor;
    private final CallTimer timer = CallTimer.system();

    WorkerServer(OpExecutor executor) {
        this.executor = executor;
    }

    /**
     * The request handling of a worker serving this executor, without the process around it: what
     * {@link #main} runs, for tests that drive an executor through the protocol in their own JVM.
     */
    public static RequestHandler handlerFor(OpExecutor executor) {
        return new WorkerServer(executor)::handle;
    }

    /** Serves a backend: each run request goes through the executor the factory makes. */
    public static void main(Supplier<OpExecutor> executorFactory) {
        serve(() -> new WorkerServer(executorFactory.get())::handle);
    }

    /**
     * Serves requests until {@code exit} or end of input, then exits the JVM. Libraries that print
     * to System.out would corrupt the protocol channel, so System.out is pointed at System.err first
     * and the protocol keeps the original stdout to itself. The handler is created after that
     * redirection, so even the libraries' start-up banners stay off the channel.
     */
    public static void serve(Supplier<RequestHandler> handlerFactory) {
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        watchParent();
        RequestHandler handler;
        try {
            handler = handlerFactory.get();
        } catch (Throwable t) {
            protocol.println(WorkerJson.line(WorkerReply.notRun(null, WorkerReply.FAILED,
                    "backend cannot start: " + describe(t))));
            System.exit(3);
            return;
        }
        System.exit(serve(handler, System.in, protocol));
    }

    /**
     * A worker must never outlive the build. When the engine ends normally it says exit, and when it
     * is killed the worker's stdin closes; but a worker stuck in a native call reads neither, so a
     * watchdog ends it as soon as the process that started it is gone (even after kill -9).
     */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                if (!parent.isAlive()) {
                    System.err.println("opcompare worker: the process that started it (pid " + parent.pid() + ") is gone; exiting");
                    Runtime.getRuntime().halt(4);
                }
            }
        }, "opcompare-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static int serve(RequestHandler handler, InputStream in, PrintStream protocol) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                WorkerRequest request = WorkerJson.parse(line, WorkerRequest.class);
                if (request == null || request.cmd() == null) {
                    protocol.println(WorkerJson.line(missingCommand(request)));
                    continue;
                }
                if (WorkerRequest.EXIT.equals(request.cmd())) {
                    return 0;
                }
                protocol.println(WorkerJson.line(handler.handle(request)));
            }
            return 0;
        } catch (IOException e) {
            System.err.println("opcompare worker: cannot read request: " + e);
            return 2;
        }
    }

    WorkerReply handle(WorkerRequest request) {
        if (request == null || request.cmd() == null) {
            return missingCommand(request);
        }
        switch (request.cmd()) {
            case WorkerRequest.HELLO:
                return WorkerReply.hello(executor.library(), executor.version(), executor.device(), executor.threads(),
                        javaRuntime());
            case WorkerRequest.RUN:
                return guarded(request, this::run);
            case WorkerRequest.TIME:
                return guarded(request, this::time);
            default:
                return WorkerReply.notRun(request.id(), WorkerReply.FAILED, "unknown command '" + request.cmd() + "'; valid commands: "
                        + COMMANDS);
        }
    }

    /** The commands a request's "cmd" may name. */
    static final String COMMANDS = String.join(", ", WorkerRequest.HELLO, WorkerRequest.RUN, WorkerRequest.TIME, WorkerRequest.EXIT);

    /** The answer to a request line without a "cmd" field: a failed reply, not a worker that dies of it. */
    static WorkerReply missingCommand(WorkerRequest request) {
        return WorkerReply.notRun(request == null ? null : request.id(), WorkerReply.FAILED,
                "request without a \"cmd\" field; valid commands: " + COMMANDS);
    }

    /** The JVM this worker runs on and the flags it was started with, for the environment record. */
    static String javaRuntime() {
        var runtime = java.lang.management.ManagementFactory.getRuntimeMXBean();
        String flags = String.join(" ", runtime.getInputArguments());
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + (flags.isBlank() ? "" : " " + flags);
    }

    private interface Action {
        WorkerReply apply(WorkerRequest request, Op op, DType dtype, List<ByteBuffer> inputs, int length) throws Exception;
    }

    private WorkerReply guarded(WorkerRequest request, Action action) {
        try {
            Op op = Op.of(request.op());
            DType dtype = DType.of(request.dtype());
            List<ByteBuffer> inputs = new ArrayList<>();
            int length = request.inputs().get(0).length();
            for (ArrayRef ref : request.inputs()) {
                inputs.add(RawArrayFiles.mapForReading(Path.of(ref.path()), (long) ref.length() * dtype.bytes()));
            }
            return action.apply(request, op, dtype, inputs, length);
        } catch (UnsupportedOpException e) {
            return WorkerReply.notRun(request.id(), WorkerReply.UNSUPPORTED, e.getMessage());
        } catch (Throwable t) {
            t.printStackTrace();
            return WorkerReply.notRun(request.id(), WorkerReply.FAILED, describe(t));
        }
    }

    /** Runs the op repeats times on the same tensors, each result into its own slice of the output. */
    private WorkerReply run(WorkerRequest request, Op op, DType dtype, List<ByteBuffer> inputs, int length)
            throws UnsupportedOpException {
        int repeats = request.repeatCount();
        ArrayRef out = request.output();
        int resultLength = out.length() / repeats;
        long resultBytes = (long) resultLength * dtype.bytes();
        ByteBuffer output = RawArrayFiles.mapForWriting(Path.of(out.path()), resultBytes * repeats);
        try (PreparedCall call = executor.prepare(op, dtype, inputs, length)) {
            long firstCall = 0;
            for (int k = 0; k < repeats; k++) {
                long t0 = System.nanoTime();
                call.call();
                if (k == 0) {
                    firstCall = System.nanoTime() - t0;
                }
                call.writeResult(output.slice((int) (k * resultBytes), (int) resultBytes).order(ByteOrder.LITTLE_ENDIAN));
            }
            return WorkerReply.ran(request.id(), firstCall);
        }
    }

    /**
     * Times the transfer in (the library building its tensors from the raw inputs), the op on those
     * tensors, and the transfer out (the result copied into the output file), each apart, within
     * the request's budget. The first copy in and out are timed too: at large sizes a copy is long
     * enough to be a sample on its own, and making another only to warm up would cost the budget a
     * copy of tens of megabytes.
     */
    private WorkerReply time(WorkerRequest request, Op op, DType dtype, List<ByteBuffer> inputs, int length)
            throws UnsupportedOpException {
        TimingSpec spec = request.timing();
        long start = System.nanoTime();
        ArrayRef out = request.output();
        ByteBuffer output = RawArrayFiles.mapForWriting(Path.of(out.path()), (long) out.length() * dtype.bytes());
        CallTimer.Samples samples;
        List<Double> transferIn;
        List<Double> transferOut;
        long sampling;
        long t0 = System.nanoTime();
        try (PreparedCall call = executor.prepare(op, dtype, inputs, length)) {
            long firstIn = System.nanoTime() - t0;
            samples = timer.time(call::call, spec.forOp());
            t0 = System.nanoTime();
            call.writeResult(output);
            long firstOut = System.nanoTime() - t0;
            long extra = System.nanoTime();
            transferIn = moreSamples(firstIn, () -> prepareAndRelease(op, dtype, inputs, length),
                    spec.forTransfer(TimingSpec.TRANSFER_IN_SHARE), start, spec.budgetNanos());
            transferOut = moreSamples(firstOut, () -> call.writeResult(output),
                    spec.forTransfer(TimingSpec.TRANSFER_OUT_SHARE), start, spec.budgetNanos());
            sampling = samples.elapsedNanos() + System.nanoTime() - extra;
        }
        // What the request cost besides sampling (which keeps to its budget): mapping the output, the
        // first copies in and out, releasing the tensors. The engine adds the copies, scaled to a
        // larger size, to foresee whether that size fits the budget.
        long setup = System.nanoTime() - start - sampling;
        return WorkerReply.timed(request.id(), samples, setup, transferIn, transferOut);
    }

    /**
     * Samples of a copy whose first run took {@code first}: a long first copy is a sample, and
     * more follow one by one while the request's budget lasts (at most four); short copies are
     * timed in batches like the op.
     */
    private List<Double> moreSamples(long first, Runnable copy, TimingSpec spec, long start, long budget) {
        if (first < spec.minSampleNanos()) {
            return timer.time(copy, spec).perCallNanos();
        }
        List<Double> samples = new ArrayList<>(List.of((double) first));
        while (samples.size() < TimingRules.STANDARD.longCopySamples() && System.nanoTime() - start + first <= budget) {
            long t0 = System.nanoTime();
            copy.run();
            samples.add((double) (System.nanoTime() - t0));
        }
        return samples;
    }

    private void prepareAndRelease(Op op, DType dtype, List<ByteBuffer> inputs, int length) {
        try {
            executor.prepare(op, dtype, inputs, length).close();
        } catch (UnsupportedOpException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception and its causes on one line, then the first stack frames: enough to act on. */
    static String describe(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(c);
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String[] lines = trace.toString().split("\n");
        for (int i = 1; i < Math.min(lines.length, 4); i++) {
            text.append('\n').append(lines[i].strip());
        }
        return text.toString();
    }
}
