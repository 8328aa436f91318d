package io.github.opcompare.engine.run;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.result.CostFit;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Threads;
import io.github.opcompare.engine.timing.CostModel;
import io.github.opcompare.engine.timing.TimingBudget;
import io.github.opcompare.engine.timing.TimingInputs;
import io.github.opcompare.engine.timing.TimingSummary;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.TimingSpec;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Times one case on every backend over the size sweep, within the case's time budget: sizes
 * ascending, every backend at one size before the next size (so a slow drift of the machine touches
 * all backends alike), then each multi-threaded backend once more with one thread at the largest
 * size it was timed at up to 10^6. A size whose predicted cost would overrun the budget is not timed, and a
 * note says why.
 */
final class TimingSweep {
    /** Op calls a request makes at the least: two of warm-up and three samples. */
    static final int MIN_OP_CALLS = 5;
    /** The single-thread run is timed at the largest size of the sweep up to this one. */
    static final long THREAD_COMPARISON_MAX_SIZE = 1_000_000;
    /** Margin on the predicted first copies in and out at a larger size (first-touch memory costs more). */
    static final double OVERHEAD_MARGIN = 1.5;
    /**
     * A request may be predicted to need at most this multiple of its share; beyond, the size is not
     * timed. Predictions from smaller sizes are rough, so a little slack keeps sizes that nearly fit.
     */
    static final double SHARE_SLACK = 1.25;

    /** What the sweep found for one backend. */
    record BackendTiming(List<SizeTiming> timing, CostFit fit, Threads threads, List<String> notes) {
    }

    /** The sweep's outcome: per backend, and the wall time it took. */
    record Outcome(Map<String, BackendTiming> backends, long budgetNanos, long elapsedNanos) {
    }

    /** What one call, and the rest of a request besides the op's timing, are expected to take at a size. */
    record Prediction(double callNanos, double overheadNanos) {
        double requestNanos() {
            return MIN_OP_CALLS * callNanos + overheadNanos;
        }
    }

    /** How long a timing waits at most for the other workers to go idle. */
    static final Duration MAX_QUIESCENCE_WAIT = Duration.ofSeconds(2);

    private final RunSettings settings;
    private final Path dir;
    private final LongSupplier clock;
    private final List<BackendSession> workers = new ArrayList<>();
    /** The timing input files as last written, and for which size. */
    private List<ArrayRef> written;

    TimingSweep(RunSettings settings, Path dir, LongSupplier clock) {
        this.settings = settings;
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Waits until every worker of this sweep but the one about to be timed is idle: watched to the
     * millisecond where the system counts their threads' run time so (Linux), else in 10 ms ticks.
     */
    private boolean othersIdle(BackendSession timed) {
        List<LongSupplier> others = new ArrayList<>();
        boolean fine = true;
        for (BackendSession w : workers) {
            if (w != timed && w.processHandle().isPresent()) {
                ProcessCpu cpu = ProcessCpu.of(w.processHandle().get());
                fine &= cpu.fine();
                others.add(cpu);
            }
        }
        return Quiescence.system(fine ? Quiescence.FINE : Quiescence.TICKS).await(others, MAX_QUIESCENCE_WAIT);
    }

    Outcome run(PlannedCase planned, List<Values> inputs, List<BackendSession> sessions,
            Map<String, BackendSession> singleThread) throws IOException {
        // Sizes the op can take: matmul's operands are n × n, so 10^3 becomes 31² = 961.
        TreeSet<Integer> valid = new TreeSet<>();
        settings.sizes().forEach(size -> valid.add(planned.op().nearestValidLength(size)));
        List<Integer> sizes = new ArrayList<>(valid);
        Map<String, Sweep> sweeps = new LinkedHashMap<>();
        for (BackendSession s : sessions) {
            sweeps.put(s.id(), new Sweep(s, singleThread.get(s.id())));
        }
        workers.addAll(sessions);
        workers.addAll(singleThread.values());
        List<ArrayRef> smallest = writeInputs(inputs, sizes.get(0));
        warmUpJitTogether(planned, sessions, smallest, sizes.get(0));
        int slices = sizes.size() * sessions.size() + singleThread.size();
        TimingBudget budget = new TimingBudget(settings.timeBudget().toNanos(), slices, clock);
        for (int size : sizes) {
            List<ArrayRef> refs = size == sizes.get(0) ? smallest : writeInputs(inputs, size);
            long share = budget.nextShare();
            for (Sweep sweep : sweeps.values()) {
                sweep.timeAt(planned, size, refs, share, sweep.session);
            }
        }
        long share = budget.nextShare();
        for (Sweep sweep : sweeps.values()) {
            sweep.timeSingleThread(planned, inputs, share);
        }
        Map<String, BackendTiming> result = new LinkedHashMap<>();
        sweeps.forEach((id, sweep) -> result.put(id, sweep.result()));
        return new Outcome(result, budget.totalNanos(), budget.elapsedNanos());
    }

    /**
     * The JIT warm-ups of all workers side by side: each worker is a process of its own, so the warm-up
     * costs the run one {@code jitWarmup} instead of one per backend (10 s of a 2 s warm-up on five
     * backends). The warm-up's calls are discarded, so that workers share the cores meanwhile matters
     * only in that each makes fewer calls.
     */
    private void warmUpJitTogether(PlannedCase planned, List<BackendSession> sessions, List<ArrayRef> refs, int size) {
        List<Thread> threads = new ArrayList<>();
        for (BackendSession session : sessions) {
            if (settings.jitWarmup().isZero() || session.jitWarmedUp()) {
                continue;
            }
            Thread t = new Thread(() -> warmUpJit(planned, session, refs, size), "opcompare-jit-warmup-" + session.id());
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Once per worker, before its first timing: calls this case's op for {@link RunSettings#jitWarmup()}
     * and discards the timings. A request's own warm-up stops as soon as the time per call looks
     * steady, but a JIT compiler makes progress in jumps: TensorFlow Java's eager calls at 10^3
     * elements take 55 µs in the first 2 s of a JVM, 28 µs in the next two and 23 µs from the
     * fourth second on, with flat stretches in between. The warm-up is outside the case's budget:
     * it is a cost of the worker, not of the case.
     */
    private void warmUpJit(PlannedCase planned, BackendSession session, List<ArrayRef> refs, int size) {
        if (settings.jitWarmup().isZero() || session.jitWarmedUp()) {
            return;
        }
        session.markJitWarmedUp();
        long nanos = settings.jitWarmup().toNanos();
        Path out = dir.resolve("warmup-output-" + session.id() + ".bin");
        // 1 ms samples for the whole warm-up, which keep the discarded reply short.
        TimingSpec spec = TimingSpec.callingFor(nanos);
        try {
            session.run(WorkerRequest.time(planned.label() + "@jit-warmup", planned.op().id(), planned.dtype().id(), refs,
                    new ArrayRef(out.toString(), planned.op().outputLength(size)), spec), settings.caseTimeout());
        } catch (WorkerFailedException e) {
            // The timing that follows meets the same failure and reports it; nothing is lost here.
        } finally {
            deleteQuietly(out);
        }
    }

    /**
     * The inputs tiled to {@code size}, in files every backend of the size reads (none writes them);
     * the single-thread round usually times the size written last, which is then not written again.
     */
    private List<ArrayRef> writeInputs(List<Values> inputs, int size) {
        if (written != null && written.get(0).length() == size) {
            return written;
        }
        List<ArrayRef> refs = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Path file = dir.resolve("timing-input-" + k + ".bin");
            TimingInputs.writeTiled(inputs.get(k), size, file);
            refs.add(new ArrayRef(file.toString(), size));
        }
        written = refs;
        return refs;
    }

    /** One backend's progress through the sweep. */
    private final class Sweep {
        final BackendSession session;
        final BackendSession singleThreadSession;
        final List<SizeTiming> timings = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean stopped;
        Threads threads;
        /** Wall time of the last request besides sampling: the first copies, mapping, releasing tensors. */
        long lastOverheadNanos;

        Sweep(BackendSession session, BackendSession singleThreadSession) {
            this.session = session;
            this.singleThreadSession = singleThreadSession;
        }

        /** Times one size; returns the timing, or null (with a note) when it was not timed. */
        SizeTiming timeAt(PlannedCase planned, int size, List<ArrayRef> refs, long slice, BackendSession on) {
            if (stopped) {
                return null;
            }
            Prediction predicted = predict(size);
            if (slice <= 0 || (predicted != null && predicted.requestNanos() > SHARE_SLACK * slice)) {
                notes.add(String.format(Locale.ROOT, "size %d not timed: %s", size, predicted == null
                        ? "the case's time budget is spent"
                        : "one call would take about " + ConsoleFormat.duration(predicted.callNanos())
                        + " and setting up and copying the data in and out about " + ConsoleFormat.duration(predicted.overheadNanos())
                        + ", more than the case's time budget leaves for it (" + ConsoleFormat.duration(slice) + ")"));
                return null;
            }
            int outputLength = planned.op().outputLength(size);
            Path out = dir.resolve("timing-output-" + session.id() + ".bin");
            WorkerRequest request = WorkerRequest.time(planned.label() + "@" + size, planned.op().id(), planned.dtype().id(),
                    refs, new ArrayRef(out.toString(), outputLength), spec(slice, predicted == null ? null : predicted.callNanos()));
            WorkerReply reply;
            // Only a library that uses several threads needs the other core; one thread has it anyway.
            if (on.threads() > 1 && !othersIdle(on)) {
                notes.add("size " + size + " timed while other workers were still busy (waited "
                        + MAX_QUIESCENCE_WAIT.toSeconds() + " s for them to go idle)");
            }
            long started = clock.getAsLong();
            try {
                reply = on.run(request, settings.caseTimeout());
            } catch (WorkerFailedException e) {
                stopped = true;
                notes.add("size " + size + " not timed: " + e.getMessage().lines().findFirst().orElse(""));
                return null;
            } finally {
                deleteQuietly(out);
            }
            if (!reply.ok() || reply.sampleNanos() == null || reply.sampleNanos().isEmpty()) {
                stopped = true;
                String why = reply.message() == null ? "no samples" : reply.message().lines().findFirst().orElse("");
                notes.add("size " + size + " not timed: " + reply.status() + ": " + why);
                return null;
            }
            long bytes = (long) planned.dtype().bytes() * ((long) size * planned.op().arity() + outputLength);
            long elements = Math.max(size, outputLength);
            SizeTiming timing = TimingSummary.of(size, reply.sampleNanos(), reply.callsPerSample() == null ? 0 : reply.callsPerSample(),
                    elements, bytes, reply.transferInNanos(), reply.transferOutNanos());
            if (on == session) {
                timings.add(timing);
                lastOverheadNanos = reply.setupNanos() == null ? 0 : reply.setupNanos();
            }
            return timing;
        }

        /** Fewer samples where calls are long against the share: three still give a median and its interval. */
        private TimingSpec spec(long slice, Double predicted) {
            TimingSpec spec = TimingSpec.withBudget(slice);
            return predicted != null && predicted * 10 > slice ? spec.withMinSamples(3) : spec;
        }

        /**
         * The least a request at this size will cost: the op from the cost model of the sizes so far
         * (or the last size scaled up), and what the last request did besides sampling plus the
         * first copies in and out at the new size. Only the copies grow with the size: the rest of
         * that overhead (mapping files, a library's first tensor of a shape) is fixed, and scaling it
         * too would predict minutes for 10^6 elements from tens of milliseconds of start-up at 10^3.
         * Memory that is touched for the first time costs more than in proportion, hence the margin
         * on the copies.
         */
        private Prediction predict(int size) {
            if (timings.isEmpty()) {
                return null;
            }
            SizeTiming last = timings.get(timings.size() - 1);
            double scale = Math.max(1.0, (double) size / last.size());
            CostFit fit = timings.size() >= 2 ? CostModel.fit(timings) : null;
            double call = fit != null && fit.nanosPerElement() > 0
                    ? Math.max(0, fit.overheadNanos()) + fit.nanosPerElement() * size
                    : last.medianNanos() * scale;
            double copies = orZero(last.transferInNanos()) + orZero(last.transferOutNanos());
            return new Prediction(call, lastOverheadNanos + OVERHEAD_MARGIN * copies * scale);
        }

        private static double orZero(Double nanos) {
            return nanos == null ? 0 : nanos;
        }

        void timeSingleThread(PlannedCase planned, List<Values> inputs, long slice) throws IOException {
            threads = new Threads(session.threads(), null, null, null);
            if (singleThreadSession == null) {
                return;
            }
            if (timings.isEmpty() || !singleThreadSession.available()) {
                if (!singleThreadSession.available()) {
                    notes.add("single-thread run not made: " + singleThreadSession.info().reason());
                }
                return;
            }
            SizeTiming all = threadComparisonSize();
            List<ArrayRef> refs = writeInputs(inputs, (int) all.size());
            SizeTiming one = timeAt(planned, (int) all.size(), refs, slice, singleThreadSession);
            if (one != null) {
                threads = new Threads(session.threads(), all.size(), one.medianNanos(), one.medianNanos() / all.medianNanos());
            }
        }

        /**
         * The largest size timed up to {@link #THREAD_COMPARISON_MAX_SIZE}: threads pay off well
         * below it, and a call there is short enough for a second run to fit the budget.
         */
        private SizeTiming threadComparisonSize() {
            SizeTiming chosen = timings.get(0);
            for (SizeTiming t : timings) {
                if (t.size() <= THREAD_COMPARISON_MAX_SIZE) {
                    chosen = t;
                }
            }
            return chosen;
        }

        BackendTiming result() {
            return new BackendTiming(List.copyOf(timings), CostModel.fit(timings), threads, List.copyOf(notes));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Scratch; the run's cleanup removes the folder.
        }
    }
}
