package io.github.opcompare.engine.run;

import io.github.opcompare.engine.accuracy.AccuracyAccumulator;
import io.github.opcompare.engine.accuracy.AgreementAccumulator;
import io.github.opcompare.engine.domain.ExhaustiveDomain;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ExactDecimal;
import io.github.opcompare.engine.reference.ExactDecimals;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.SweepPart;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * An exhaustive sweep of a unary op over more inputs than fit in memory (all 2^32 float32 values):
 * the inputs are written chunk by chunk into a memory-mapped file, every backend computes each
 * chunk into its own mapped output file, and the engine judges the chunk in parallel on all cores,
 * computing each exact result once for all backends and folding it into per-backend accumulators.
 * While it judges one chunk, the workers already compute the next into a second set of files (the
 * engine waited for them a quarter of the sweep's time before). Memory stays constant whatever the
 * count: two chunks of inputs and two of outputs per backend.
 *
 * <p>A sweep measures accuracy and agreement; it is not timed (time the op on a sampled domain) and
 * not repeated (reproducibility is a property of sampled cases).
 */
final class ExhaustiveSweep {
    /** Inputs per chunk: 16 MiB of float32 per file, large against a worker call's fixed cost. */
    static final int CHUNK = 1 << 22;
    /** Progress is reported at every tenth of the sweep. */
    private static final int PROGRESS_STEPS = 10;
    /** Inputs computed into an array and copied into the mapped file at once: 64 KiB, in cache. */
    private static final int INPUT_BATCH = 1 << 14;
    static final String NOT_TIMED = "not timed: an exhaustive sweep measures accuracy; time the op on a sampled domain";

    private final RunSettings settings;
    private final ReferenceCalculator reference;
    private final RunListener listener;
    private final LongSupplier clock;
    private final int chunk;

    ExhaustiveSweep(RunSettings settings, ReferenceCalculator reference, RunListener listener, LongSupplier clock, int chunk) {
        this.settings = settings;
        this.reference = reference;
        this.listener = listener;
        this.clock = clock;
        this.chunk = chunk;
    }

    /**
     * What the sweep found: per backend its result, and the agreement of each pair of backends that
     * finished; and the exact sums behind them, which a shard of the sweep hands to merge.
     */
    record Outcome(List<BackendResult> results, List<Agreement> agreement, SweepPart part) {
    }

    Outcome run(PlannedCase planned, ExhaustiveDomain domain, List<BackendSession> sessions, Path caseDir) throws IOException {
        return run(planned, domain, sessions, caseDir, 0, domain.count(planned.dtype()));
    }

    /**
     * Sweeps the inputs from {@code from} to {@code to} (counted from the domain's first value): a
     * shard's range. Worst inputs keep their index in the whole sweep, and chunks start at {@code
     * from}, so a range that starts on a chunk boundary is judged in the very blocks the whole sweep
     * judges it in.
     */
    Outcome run(PlannedCase planned, ExhaustiveDomain domain, List<BackendSession> sessions, Path caseDir, long from, long to)
            throws IOException {
        DType dtype = planned.dtype();
        long first = domain.firstOrdinal(dtype);
        long total = to - from;
        Files.createDirectories(caseDir);
        // Two sets of files, so that the workers compute the next chunk while the engine judges this one.
        Path[] inputs = {caseDir.resolve("input-0.bin"), caseDir.resolve("input-1.bin")};
        Map<String, Swept> swept = new LinkedHashMap<>();
        Map<String, BackendResult> ended = new LinkedHashMap<>();
        for (BackendSession session : sessions) {
            if (session.available()) {
                swept.put(session.id(), new Swept(session, new Path[] {caseDir.resolve("output-" + session.id() + ".bin"),
                        caseDir.resolve("output-" + session.id() + "-1.bin")}, new AccuracyAccumulator(dtype, settings.worstCount())));
            } else {
                ended.put(session.id(), BackendResult.notRun(session.id(), Status.SKIPPED, session.info().reason()));
            }
        }
        List<String> ids = new ArrayList<>(swept.keySet());
        AgreementAccumulator[][] agreement = newAgreement(ids.size(), dtype);
        long start = clock.getAsLong();
        int reported = 0;
        ExecutorService ahead = Executors.newSingleThreadExecutor(daemon("opcompare-sweep-ahead"));
        // One thread per backend: the workers compute a chunk side by side, not one after the other.
        ExecutorService backends = Executors.newCachedThreadPool(daemon("opcompare-sweep-backend"));
        try {
            Future<Computed> next = from < to ? CompletableFuture.completedFuture(
                    computeChunk(planned, inputs, 0, first, from, (int) Math.min(chunk, to - from), List.copyOf(swept.values()), backends)) : null;
            for (long done = from; next != null; done += chunk) {
                Computed computed = join(next);
                int n = computed.n;
                // Chunks are judged in order; a backend that failed on this one takes no further part.
                computed.failures.forEach((id, failure) -> ended.putIfAbsent(id, failure));
                swept.values().removeIf(s -> ended.containsKey(s.session.id()));
                List<Swept> live = computed.live.stream().filter(s -> swept.containsKey(s.session.id())).toList();
                long following = done + chunk;
                if (following < to && !swept.isEmpty()) {
                    int slot = (int) (((following - from) / chunk) % 2);
                    List<Swept> going = List.copyOf(swept.values());
                    int m = (int) Math.min(chunk, to - following);
                    next = ahead.submit(() -> computeChunk(planned, inputs, slot, first, following, m, going, backends));
                } else {
                    next = null;
                }
                judge(planned.op(), dtype, computed.in, n, done, live, computed.slot, ids, agreement);
                int step = (int) ((done + n - from) * PROGRESS_STEPS / total);
                if (step > reported) {
                    reported = step;
                    listener.progress(planned, done + n - from, total, Duration.ofNanos(clock.getAsLong() - start));
                }
            }
        } finally {
            ahead.shutdownNow();
            backends.shutdownNow();
        }
        List<BackendResult> results = new ArrayList<>();
        // Backends' worst lists share inputs: each exact value shown is computed once.
        Map<Long, ExactDecimal> shown = new HashMap<>();
        for (BackendSession session : sessions) {
            BackendResult r = ended.get(session.id());
            if (r == null) {
                Swept s = swept.get(session.id());
                r = new BackendResult(session.id(), Status.OK.id(), null,
                        s.accuracy.toAccuracy(index -> List.of(dtype.format(ExhaustiveDomain.valueOf(first + index, dtype))),
                                index -> shown.computeIfAbsent(index, i -> exactOf(planned.op(), ExhaustiveDomain.valueOf(first + i, dtype), dtype)),
                                true),
                        null, null, null, null, null, List.of(NOT_TIMED));
            }
            results.add(r);
        }
        return new Outcome(results, agreementOf(ids, agreement, swept.keySet()),
                SweepParts.of(planned.label(), from, to, domain.count(dtype), settings.worstCount(),
                        accuracyOf(swept), ids, agreement, swept.keySet()));
    }

    /** A chunk the workers computed: its inputs (mapped), which file set, who computed it and who failed. */
    private record Computed(ByteBuffer in, int n, int slot, List<Swept> live, Map<String, BackendResult> failures) {
    }

    /**
     * Writes a chunk's inputs into file set {@code slot} and has every backend still sweeping compute it,
     * side by side: the workers are separate processes, each session is used by one thread at a time,
     * and each writes its own output file. One after the other, the chain of the next chunk (inputs,
     * then TensorFlow, then ND4J) was longer than the judging of this one wherever judging is cheap
     * (most of exp's range), and the engine waited for it.
     */
    private Computed computeChunk(PlannedCase planned, Path[] inputs, int slot, long first, long done, int n, List<Swept> going,
            ExecutorService backends) throws IOException {
        ByteBuffer in = writeInputs(inputs[slot], first + done, n);
        List<Swept> live = new ArrayList<>();
        Map<String, BackendResult> failures = new LinkedHashMap<>();
        List<Future<BackendResult>> runs = new ArrayList<>();
        for (Swept s : going) {
            runs.add(backends.submit(() -> s.compute(planned, inputs[slot], slot, n, first + done)));
        }
        for (int k = 0; k < going.size(); k++) {
            Swept s = going.get(k);
            BackendResult failure = join(runs.get(k));
            if (failure == null) {
                live.add(s);
            } else {
                failures.put(s.session.id(), failure);
            }
        }
        return new Computed(in, n, slot, live, failures);
    }

    private static <T> T join(Future<T> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the workers computed a chunk of the sweep", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static Map<String, AccuracyAccumulator> accuracyOf(Map<String, Swept> swept) {
        Map<String, AccuracyAccumulator> out = new LinkedHashMap<>();
        swept.forEach((id, s) -> out.put(id, s.accuracy));
        return out;
    }

    /** The exact value of op(x) shown beside a worst result. */
    private ExactDecimal exactOf(Op op, double x, DType dtype) {
        return ExactDecimals.element(op, x, 0, reference.element(op, dtype, x, 0).exact());
    }

    /**
     * The chunk's inputs, in order of their ordinals, into the mapped input file (and returned mapped).
     * The file is emptied first ({@link RawArrayFiles#mapForWriting}), though rewriting it in place cost
     * less CPU: its pages then stayed in every mapping of it the garbage collector had not yet released,
     * the workers' one per chunk among them, and counted in their resident memory (the TensorFlow
     * worker's reached 10.5 GB in a full sweep against 1 GB). Emptying the file takes its pages out of
     * every mapping.
     */
    static ByteBuffer writeInputs(Path input, long firstOrdinal, int n) {
        ByteBuffer buffer = RawArrayFiles.mapForWriting(input, (long) n * Float.BYTES);
        int[] bits = new int[Math.min(n, INPUT_BATCH)];
        IntBuffer ints = buffer.asIntBuffer();
        for (int from = 0; from < n; from += bits.length) {
            int m = Math.min(bits.length, n - from);
            for (int i = 0; i < m; i++) {
                bits[i] = ExhaustiveDomain.float32Bits(firstOrdinal + from + i);
            }
            ints.put(from, bits, 0, m);
        }
        return buffer;
    }

    /** Judges one chunk and folds what it found into the sweep's accumulators. */
    private void judge(Op op, DType dtype, ByteBuffer in, int n, long offset, List<Swept> live, int slot, List<String> ids,
            AgreementAccumulator[][] agreement) {
        if (live.isEmpty()) {
            return;
        }
        List<ByteBuffer> outputs = live.stream().map(s -> RawArrayFiles.mapForReading(s.outputs[slot], (long) n * Float.BYTES)).toList();
        int[] column = live.stream().mapToInt(s -> ids.indexOf(s.session.id())).toArray();
        ChunkJudge.Partial total = new ChunkJudge(reference, op, dtype, settings.worstCount())
                .judge(in, outputs, column, ids.size(), n, offset);
        for (int k = 0; k < live.size(); k++) {
            live.get(k).accuracy.merge(total.accuracy[k]);
        }
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                if (total.agreement[a][b] != null) {
                    agreement[a][b].merge(total.agreement[a][b]);
                }
            }
        }
    }

    private static AgreementAccumulator[][] newAgreement(int backends, DType dtype) {
        AgreementAccumulator[][] a = new AgreementAccumulator[backends][backends];
        for (int i = 0; i < backends; i++) {
            for (int j = i + 1; j < backends; j++) {
                a[i][j] = new AgreementAccumulator(dtype);
            }
        }
        return a;
    }

    /** Pairs of backends that computed the whole sweep; a backend that dropped out has only part of it. */
    private static List<Agreement> agreementOf(List<String> ids, AgreementAccumulator[][] agreement, java.util.Set<String> finished) {
        List<Agreement> out = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                if (finished.contains(ids.get(a)) && finished.contains(ids.get(b))) {
                    out.add(agreement[a][b].toAgreement(ids.get(a), ids.get(b)));
                }
            }
        }
        return out;
    }

    /** One backend in the sweep: its session, its two output files (one per file set) and its accuracy so far. */
    private final class Swept {
        final BackendSession session;
        final Path[] outputs;
        final AccuracyAccumulator accuracy;

        Swept(BackendSession session, Path[] outputs, AccuracyAccumulator accuracy) {
            this.session = session;
            this.outputs = outputs;
            this.accuracy = accuracy;
        }

        /** Computes one chunk; null when it did, else the backend's result (it takes no further part). */
        BackendResult compute(PlannedCase planned, Path input, int slot, int n, long firstOrdinal) {
            WorkerRequest request = WorkerRequest.run(planned.label(), planned.op().id(), planned.dtype().id(),
                    List.of(new ArrayRef(input.toString(), n)), new ArrayRef(outputs[slot].toString(), n), 1);
            String where = String.format(Locale.ROOT, " (in the chunk of %d inputs from %s)", n,
                    planned.dtype().format(ExhaustiveDomain.valueOf(firstOrdinal, planned.dtype())));
            try {
                WorkerReply reply = session.run(request, settings.caseTimeout());
                if (WorkerReply.UNSUPPORTED.equals(reply.status())) {
                    return BackendResult.notRun(session.id(), Status.UNSUPPORTED, reply.message());
                }
                return reply.ok() ? null : BackendResult.notRun(session.id(), Status.FAILED, reply.message() + where);
            } catch (WorkerFailedException e) {
                return BackendResult.notRun(session.id(), Status.FAILED, e.getMessage() + where);
            }
        }
    }
}
