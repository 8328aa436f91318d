package io.github.opcompare.engine.run;

import io.github.opcompare.engine.accuracy.AccuracyAnalyzer;
import io.github.opcompare.engine.accuracy.AgreementAnalyzer;
import io.github.opcompare.engine.accuracy.ReproducibilityAnalyzer;
import io.github.opcompare.engine.accuracy.ValueSampler;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.domain.ExhaustiveDomain;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.merge.ShardSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ExactDecimals;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.reference.ReferenceException;
import io.github.opcompare.engine.reference.cache.ReferenceCache;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.DeviceComparison;
import io.github.opcompare.engine.result.DeviceComparisons;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Reproducibility;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.SweepPart;
import io.github.opcompare.engine.worker.WorkerClassArchive;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Runs planned cases on backends: generates inputs once per case, hands them to every worker
 * through memory-mapped files, judges each output against the exact reference, and writes
 * results.json after every case so that an interrupted build keeps what finished.
 */
public final class ComparisonRunner {
    private final RunSettings settings;
    private final WorkerCommandFactory commandFactory;
    private final RunListener listener;
    private final ReferenceCalculator reference = new ReferenceCalculator();
    private final CachedReference cachedReference;
    private List<String> plannedLabels = List.of();
    /** The part of a sharded run (null: the whole run), which says what range of each sweep to sweep. */
    private ShardSpec part;
    private WorkerClassArchive classArchive = WorkerClassArchive.none();
    private final List<SweepPart> sweepParts = new ArrayList<>();
    /** The machine's record being captured while the workers start; null: the settings hold it. */
    private CompletableFuture<Environment> environmentCapture;

    public ComparisonRunner(RunSettings settings, WorkerCommandFactory commandFactory, RunListener listener) {
        this(settings, commandFactory, listener, null);
    }

    /** @param computation what computes the cases' references (null: the exact reference); tests count calls through it */
    ComparisonRunner(RunSettings settings, WorkerCommandFactory commandFactory, RunListener listener,
            CachedReference.Computation computation) {
        this.settings = settings;
        this.commandFactory = commandFactory;
        this.listener = listener;
        this.cachedReference = new CachedReference(
                settings.referenceCache() == null ? null : new ReferenceCache(settings.referenceCache()),
                settings.opcompareVersion(), computation == null ? reference::compute : computation, listener);
    }

    /**
     * Takes the machine's record from {@code capture}, which the caller makes while the workers start,
     * instead of from the settings; the record is first needed once they have started.
     */
    public ComparisonRunner environmentFrom(CompletableFuture<Environment> capture) {
        this.environmentCapture = capture;
        return this;
    }

    private Environment environment() {
        return environmentCapture == null ? settings.environment() : environmentCapture.join();
    }

    /** Starts the Java workers with their class archives (none by default): see {@link WorkerClassArchive}. */
    public ComparisonRunner classArchive(WorkerClassArchive archive) {
        this.classArchive = archive;
        return this;
    }

    /** Runs only this part's range of each exhaustive sweep (null: all of it); the cases are chosen by the caller. */
    public ComparisonRunner part(ShardSpec part) {
        this.part = part;
        return this;
    }

    /** What each sweep of a part's run swept, for merge (empty for a whole run). */
    public List<SweepPart> sweepParts() {
        return List.copyOf(sweepParts);
    }

    /**
     * Runs every case on every backend. Whatever happens (a worker crash, an exception, Ctrl-C) the
     * workers are ended and the scratch folder is deleted; results.json always holds what finished,
     * with {@code complete: false} and the missing cases until the last one is written.
     */
    public Results run(List<PlannedCase> cases, List<BackendDescriptor> backends) throws IOException {
        deleteQuietly(settings.workDir()); // left over by a run that was killed
        Files.createDirectories(settings.workDir());
        List<BackendSession> sessions = new ArrayList<>();
        Map<String, BackendSession> singleThread = new LinkedHashMap<>();
        List<CaseResult> caseResults = new ArrayList<>();
        List<BackendSession> closeLater = new ArrayList<>();
        Thread cleanup = new Thread(() -> deleteQuietly(settings.workDir()), "opcompare-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        plannedLabels = cases.stream().map(PlannedCase::label).toList();
        try {
            // All workers start together; what each said is reported in the backends' order.
            List<BackendSession> opened = new ArrayList<>();
            WorkerStartup.Started started;
            try {
                started = new WorkerStartup(commandFactory, settings.logDir(), settings.startTimeout(), settings.compareThreads())
                        .classArchive(classArchive).start(backends, opened);
            } finally {
                closeLater.addAll(opened);
            }
            sessions.addAll(started.sessions());
            singleThread.putAll(started.singleThread());
            for (BackendSession session : sessions) {
                listener.backendStarted(session.info());
                if (!session.available()) {
                    listener.warning("Backend " + session.id() + " is skipped: " + session.info().reason());
                }
            }
            for (Map.Entry<String, BackendSession> single : singleThread.entrySet()) {
                if (!single.getValue().available()) {
                    listener.warning("Backend " + single.getKey() + " has no single-thread run: " + single.getValue().info().reason());
                }
            }
            List<BackendInfo> infos = sessions.stream().map(BackendSession::info).toList();
            write(infos, caseResults, false);
            for (int i = 0; i < cases.size(); i++) {
                long start = System.nanoTime();
                PlannedCase planned = cases.get(i);
                int number = i + 1;
                boolean[] told = {false};
                Consumer<CaseResult> judged = result -> {
                    told[0] = true;
                    listener.caseJudged(number, cases.size(), planned, result, Duration.ofNanos(System.nanoTime() - start));
                };
                CaseResult result = runCase(i, planned, sessions, singleThread, judged);
                if (!told[0]) {
                    judged.accept(result);
                }
                caseResults.add(result);
                write(infos, caseResults, i == cases.size() - 1);
                listener.caseFinished(number, cases.size(), planned, result, Duration.ofNanos(System.nanoTime() - start));
            }
            if (cases.isEmpty()) {
                write(infos, caseResults, true);
            }
            return results(infos, caseResults, true);
        } finally {
            BackendSession.closeAll(closeLater);
            deleteQuietly(settings.workDir());
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook runs.
            }
        }
    }

    /**
     * Runs one case. {@code judged} hears of it once its accuracy, reproducibility and special values
     * are known, before its timing: the console's line for the case says nothing of the timing (the
     * summary table does), so it need not wait for it (about a second for the first case, whose
     * timing carries the workers' JIT warm-up). A case without timing tells nothing; the caller tells
     * its whole result.
     */
    private CaseResult runCase(int index, PlannedCase planned, List<BackendSession> sessions,
            Map<String, BackendSession> singleThread, Consumer<CaseResult> judged) throws IOException {
        if (planned.sweep().isPresent()) {
            try {
                return sweep(index, planned, planned.sweep().get(), sessions);
            } catch (ReferenceException e) {
                deleteQuietly(settings.workDir().resolve("case-" + index));
                long count = planned.sweep().get().count(planned.dtype());
                ShardSpec.Range range = rangeOf(count);
                if (part != null) {
                    // Nothing swept, every backend failed: merge gives the sweep that result.
                    sweepParts.add(new SweepPart(planned.label(), range.from(), range.to(), count, settings.worstCount(), List.of(),
                            List.of()));
                }
                return referenceFailed(planned, range.size(), sessions, e);
            }
        }
        List<Values> inputs = InputPlan.generate(planned.domains(), planned.dtype(), planned.size(), planned.seed());
        int length = inputs.get(0).length();
        Path caseDir = Files.createDirectories(settings.workDir().resolve("case-" + index));
        List<ArrayRef> inputRefs = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Path file = caseDir.resolve("input-" + k + ".bin");
            RawArrayFiles.write(inputs.get(k), file);
            inputRefs.add(new ArrayRef(file.toString(), length));
        }
        ExactResults exact;
        try {
            exact = cachedReference.get(planned, inputs);
        } catch (ReferenceException e) {
            deleteQuietly(caseDir);
            return referenceFailed(planned, length, sessions, e);
        }
        CaseRun run = new CaseRun(planned, inputs, inputRefs, exact, caseDir);

        // The backends run one after the other, each alone on the machine as before (a run's first
        // call is timed); their outputs are judged afterwards, side by side.
        List<CaseRun.Ran> ran = new ArrayList<>();
        for (BackendSession session : sessions) {
            ran.add(session.available()
                    ? run.onBackend(session, singleThread.get(session.id()))
                    : CaseRun.Ran.done(BackendResult.notRun(session.id(), Status.SKIPPED, session.info().reason())));
        }
        List<BackendResult> results = run.judgeAll(ran);
        List<BackendSession> timed = new ArrayList<>();
        for (int k = 0; k < sessions.size(); k++) {
            if (Status.OK.id().equals(results.get(k).status())) {
                timed.add(sessions.get(k));
            }
        }
        Specials specials = new SpecialsRun(reference::compute, settings, listener).run(planned, timed, caseDir);
        List<Agreement> agreement = agreement(run.outputs);
        TimingSweep.Outcome timing = null;
        if (!settings.sizes().isEmpty() && !settings.timeBudget().isZero() && !timed.isEmpty()) {
            // What the console's line shows: the statuses and the accuracy.
            judged.accept(new CaseResult(planned.id(), planned.op().id(), planned.dtype().id(), planned.inputExpressions(),
                    length, planned.seed(), results, agreement, null, null, null));
            Map<String, BackendSession> singles = new LinkedHashMap<>();
            timed.forEach(s -> {
                if (singleThread.containsKey(s.id())) {
                    singles.put(s.id(), singleThread.get(s.id()));
                }
            });
            timing = new TimingSweep(settings, caseDir, System::nanoTime).run(planned, inputs, timed, singles);
            results = withTiming(results, timing);
        }
        deleteQuietly(caseDir);
        List<DeviceComparison> devices = DeviceComparisons.of(
                sessions.stream().map(BackendSession::info).toList(), results, agreement);
        return new CaseResult(planned.id(), planned.op().id(), planned.dtype().id(), planned.inputExpressions(),
                length, planned.seed(), results, agreement,
                timing == null ? null : timing.budgetNanos(), timing == null ? null : timing.elapsedNanos(),
                devices.isEmpty() ? null : devices,
                ValueSampler.rows(planned.op(), inputs, exact, run.decimals, run.outputs, results), specials);
    }

    /**
     * A case whose exact reference could not be given: nothing in it can be judged, so each backend
     * that could have run it fails it with the reason (naming op, dtype and input), and the run goes on.
     */
    private CaseResult referenceFailed(PlannedCase planned, long size, List<BackendSession> sessions, ReferenceException e) {
        String message = "no exact reference: " + e.getMessage();
        listener.warning(planned.label() + ": " + message);
        List<BackendResult> results = sessions.stream()
                .map(s -> s.available() ? BackendResult.notRun(s.id(), Status.FAILED, message)
                        : BackendResult.notRun(s.id(), Status.SKIPPED, s.info().reason()))
                .toList();
        return new CaseResult(planned.id(), planned.op().id(), planned.dtype().id(), planned.inputExpressions(), size,
                planned.seed(), results, List.of(), null, null, null);
    }

    /** A case over more inputs than memory holds: streamed through the backends in chunks, judged as it goes. */
    private CaseResult sweep(int index, PlannedCase planned, ExhaustiveDomain domain, List<BackendSession> sessions)
            throws IOException {
        Path caseDir = settings.workDir().resolve("case-" + index);
        ShardSpec.Range range = rangeOf(domain.count(planned.dtype()));
        ExhaustiveSweep.Outcome outcome = new ExhaustiveSweep(settings, reference, listener, System::nanoTime, ExhaustiveSweep.CHUNK)
                .run(planned, domain, sessions, caseDir, range.from(), range.to());
        deleteQuietly(caseDir);
        if (part != null) {
            sweepParts.add(outcome.part());
        }
        List<DeviceComparison> devices = DeviceComparisons.of(
                sessions.stream().map(BackendSession::info).toList(), outcome.results(), outcome.agreement());
        return new CaseResult(planned.id(), planned.op().id(), planned.dtype().id(), planned.inputExpressions(),
                range.size(), planned.seed(), outcome.results(), outcome.agreement(), null, null,
                devices.isEmpty() ? null : devices);
    }

    /** The inputs of a sweep of {@code count} this run sweeps: all, or its part's range. */
    private ShardSpec.Range rangeOf(long count) {
        return part == null ? new ShardSpec.Range(0, count) : part.range(count, ExhaustiveSweep.CHUNK);
    }

    private static List<BackendResult> withTiming(List<BackendResult> results, TimingSweep.Outcome timing) {
        List<BackendResult> merged = new ArrayList<>();
        for (BackendResult r : results) {
            TimingSweep.BackendTiming t = timing.backends().get(r.backend());
            merged.add(t == null ? r : new BackendResult(r.backend(), r.status(), r.message(), r.accuracy(), r.reproducibility(),
                    r.firstCallNanos(), t.timing().isEmpty() ? null : t.timing(), t.fit(), t.threads(),
                    t.notes().isEmpty() ? null : t.notes()));
        }
        return merged;
    }

    /** One case's accuracy and reproducibility runs, backend by backend. */
    private final class CaseRun {
        final PlannedCase planned;
        final List<Values> inputs;
        final List<ArrayRef> inputRefs;
        final ExactResults exact;
        /** The exact values shown, shared by the backends' worst lists and the side-by-side rows. */
        final ExactDecimals decimals;
        final Path caseDir;
        final int outputLength;
        final Map<String, Values> outputs = new LinkedHashMap<>();

        CaseRun(PlannedCase planned, List<Values> inputs, List<ArrayRef> inputRefs, ExactResults exact, Path caseDir) {
            this.planned = planned;
            this.inputs = inputs;
            this.inputRefs = inputRefs;
            this.exact = exact;
            this.decimals = new ExactDecimals(planned.op(), inputs, exact);
            this.caseDir = caseDir;
            this.outputLength = planned.op().outputLength(inputs.get(0).length());
        }

        /**
         * What running the case on one backend gave: a result already (it failed, or was not run), or
         * its first output, still to be judged, and the reproducibility of its runs. The other runs are
         * compared bit for bit at once and dropped, so that no more outputs are held than before.
         */
        record Ran(BackendResult done, String backend, Values first, Reproducibility reproducibility, Long firstCallNanos) {
            static Ran done(BackendResult result) {
                return new Ran(result, result.backend(), null, null, null);
            }
        }

        /**
         * Runs the case {@code repeats} times on the backend (and once on its single-thread worker, if
         * any) and compares all of them bit for bit; {@link #judgeAll} judges the first result against
         * the exact reference.
         */
        Ran onBackend(BackendSession session, BackendSession singleThread) {
            int repeats = Math.max(1, settings.repeats());
            Path outputFile = caseDir.resolve("output-" + session.id() + ".bin");
            WorkerRequest request = WorkerRequest.run(planned.label(), planned.op().id(), planned.dtype().id(),
                    inputRefs, new ArrayRef(outputFile.toString(), outputLength * repeats), repeats);
            WorkerReply reply;
            try {
                reply = session.run(request, settings.caseTimeout());
            } catch (WorkerFailedException e) {
                return Ran.done(BackendResult.notRun(session.id(), Status.FAILED, e.getMessage()));
            }
            if (WorkerReply.UNSUPPORTED.equals(reply.status())) {
                return Ran.done(BackendResult.notRun(session.id(), Status.UNSUPPORTED, reply.message()));
            }
            if (!reply.ok()) {
                return Ran.done(BackendResult.notRun(session.id(), Status.FAILED, reply.message()));
            }
            List<Values> runs;
            try {
                runs = readRuns(outputFile, repeats);
            } catch (RuntimeException e) {
                // The worker said ok but left no usable output: its fault, not a reason to stop the run.
                return Ran.done(BackendResult.notRun(session.id(), Status.FAILED, "worker reported success but its output "
                        + outputFile.getFileName() + " cannot be read: " + e));
            }
            outputs.put(session.id(), runs.get(0));
            Reproducibility reproducibility = ReproducibilityAnalyzer.analyze(runs, singleThreadRun(session, singleThread));
            return new Ran(null, session.id(), runs.get(0), reproducibility, reply.firstCallNanos());
        }

        /**
         * Judges every backend's first output against the exact reference, in the backends' order. Each
         * judgement reads only its own backend's output and the case's shared, immutable inputs and
         * reference (the exact decimals shown are computed once, under a lock, whoever asks first), so
         * judging them side by side gives each the result it gets alone.
         */
        List<BackendResult> judgeAll(List<Ran> ran) {
            // The exact values of the first elements, which the side-by-side rows show whatever the
            // results, are computed beside the judging (each takes a high-precision evaluation)
            // instead of one after the other once the case has been timed.
            CompletableFuture<Void> head = CompletableFuture.runAsync(() ->
                    IntStream.range(0, Math.min(ValueSampler.FIRST, exact.length())).parallel().forEach(decimals::at));
            List<BackendResult> judged = ran.parallelStream().map(this::judge).toList();
            head.join();
            return judged;
        }

        private BackendResult judge(Ran ran) {
            if (ran.done() != null) {
                return ran.done();
            }
            Accuracy accuracy = AccuracyAnalyzer.analyze(planned.op(), planned.dtype(), inputs, exact, decimals, ran.first(),
                    settings.worstCount());
            return new BackendResult(ran.backend(), Status.OK.id(), null, accuracy, ran.reproducibility(), ran.firstCallNanos(),
                    null, null, null, null);
        }

        /** The result with one thread, or null when there is no such worker or it did not give one. */
        private Values singleThreadRun(BackendSession session, BackendSession singleThread) {
            if (singleThread == null || !singleThread.available()) {
                return null;
            }
            Path file = caseDir.resolve("output-" + session.id() + "-1-thread.bin");
            WorkerRequest request = WorkerRequest.run(planned.label(), planned.op().id(), planned.dtype().id(),
                    inputRefs, new ArrayRef(file.toString(), outputLength), 1);
            try {
                WorkerReply reply = singleThread.run(request, settings.caseTimeout());
                return reply.ok() ? readRuns(file, 1).get(0) : null;
            } catch (WorkerFailedException | RuntimeException e) {
                listener.warning(planned.label() + ": the single-thread run on " + session.id() + " failed: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                return null;
            }
        }

        private List<Values> readRuns(Path file, int repeats) {
            Values all = RawArrayFiles.read(file, planned.dtype(), outputLength * repeats);
            List<Values> runs = new ArrayList<>();
            for (int k = 0; k < repeats; k++) {
                double[] run = java.util.Arrays.copyOfRange(all.array(), k * outputLength, (k + 1) * outputLength);
                runs.add(new Values(planned.dtype(), run));
            }
            return runs;
        }
    }

    private static List<Agreement> agreement(Map<String, Values> outputs) {
        List<String> ids = new ArrayList<>(outputs.keySet());
        List<Agreement> agreement = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                agreement.add(AgreementAnalyzer.compare(ids.get(i), ids.get(j), outputs.get(ids.get(i)), outputs.get(ids.get(j))));
            }
        }
        return agreement;
    }

    private Results results(List<BackendInfo> infos, List<CaseResult> cases, boolean complete) {
        List<String> missing = complete ? List.of() : plannedLabels.subList(Math.min(cases.size(), plannedLabels.size()), plannedLabels.size());
        return new Results(Results.SCHEMA, settings.opcompareVersion(), complete, environment(),
                infos, List.copyOf(cases), List.copyOf(missing));
    }

    private void write(List<BackendInfo> infos, List<CaseResult> cases, boolean complete) throws IOException {
        ResultsJson.write(results(infos, cases, complete), settings.resultsFile());
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left for the next clean; never fail a run over scratch files.
                }
            });
        } catch (IOException e) {
            // As above.
        }
    }
}
