package io.github.opcompare.engine.run;

import io.github.opcompare.engine.accuracy.AccuracyAnalyzer;
import io.github.opcompare.engine.accuracy.AgreementAnalyzer;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.data.RawArrayFiles;
import io.github.opcompare.engine.data.Values;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.Timing;
import io.github.opcompare.engine.worker.ArrayRef;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.engine.worker.WorkerReply;
import io.github.opcompare.engine.worker.WorkerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private List<String> plannedLabels = List.of();

    public ComparisonRunner(RunSettings settings, WorkerCommandFactory commandFactory, RunListener listener) {
        this.settings = settings;
        this.commandFactory = commandFactory;
        this.listener = listener;
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
        List<CaseResult> caseResults = new ArrayList<>();
        Thread cleanup = new Thread(() -> deleteQuietly(settings.workDir()), "opcompare-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        plannedLabels = cases.stream().map(PlannedCase::label).toList();
        try {
            for (BackendDescriptor backend : backends) {
                BackendSession session = BackendSession.open(backend, commandFactory, settings.logDir(), settings.startTimeout());
                sessions.add(session);
                listener.backendStarted(session.info());
                if (!session.available()) {
                    listener.warning("Backend " + backend.id() + " is skipped: " + session.info().reason());
                }
            }
            List<BackendInfo> infos = sessions.stream().map(BackendSession::info).toList();
            write(infos, caseResults, false);
            for (int i = 0; i < cases.size(); i++) {
                long start = System.nanoTime();
                PlannedCase planned = cases.get(i);
                CaseResult result = runCase(i, planned, sessions);
                caseResults.add(result);
                write(infos, caseResults, i == cases.size() - 1);
                listener.caseFinished(i + 1, cases.size(), planned, result, Duration.ofNanos(System.nanoTime() - start));
            }
            if (cases.isEmpty()) {
                write(infos, caseResults, true);
            }
            return results(infos, caseResults, true);
        } finally {
            sessions.forEach(BackendSession::close);
            deleteQuietly(settings.workDir());
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook runs.
            }
        }
    }

    private CaseResult runCase(int index, PlannedCase planned, List<BackendSession> sessions) throws IOException {
        List<Values> inputs = InputPlan.generate(planned.domains(), planned.dtype(), planned.size(), planned.seed());
        int length = inputs.get(0).length();
        int outputLength = planned.op().outputLength(length);
        Path caseDir = Files.createDirectories(settings.workDir().resolve("case-" + index));
        List<ArrayRef> inputRefs = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Path file = caseDir.resolve("input-" + k + ".bin");
            RawArrayFiles.write(inputs.get(k), file);
            inputRefs.add(new ArrayRef(file.toString(), length));
        }
        ExactResults exact = reference.compute(planned.op(), planned.dtype(), inputs);

        List<BackendResult> results = new ArrayList<>();
        Map<String, Values> outputs = new LinkedHashMap<>();
        for (BackendSession session : sessions) {
            if (!session.available()) {
                results.add(BackendResult.notRun(session.id(), Status.SKIPPED, session.info().reason()));
                continue;
            }
            Path outputFile = caseDir.resolve("output-" + session.id() + ".bin");
            WorkerRequest request = WorkerRequest.run(planned.label(), planned.op().id(), planned.dtype().id(),
                    inputRefs, new ArrayRef(outputFile.toString(), outputLength), settings.timing());
            results.add(runOnBackend(session, request, planned, inputs, exact, outputFile, outputLength, length, outputs));
        }
        deleteQuietly(caseDir);
        return new CaseResult(planned.id(), planned.op().id(), planned.dtype().id(), planned.inputExpressions(),
                length, planned.seed(), results, agreement(outputs));
    }

    private BackendResult runOnBackend(BackendSession session, WorkerRequest request, PlannedCase planned, List<Values> inputs,
            ExactResults exact, Path outputFile, int outputLength, int length, Map<String, Values> outputs) {
        WorkerReply reply;
        try {
            reply = session.run(request, settings.caseTimeout());
        } catch (WorkerFailedException e) {
            return BackendResult.notRun(session.id(), Status.FAILED, e.getMessage());
        }
        if (WorkerReply.UNSUPPORTED.equals(reply.status())) {
            return BackendResult.notRun(session.id(), Status.UNSUPPORTED, reply.message());
        }
        if (!reply.ok()) {
            return BackendResult.notRun(session.id(), Status.FAILED, reply.message());
        }
        Values actual;
        try {
            actual = RawArrayFiles.read(outputFile, planned.dtype(), outputLength);
        } catch (RuntimeException e) {
            // The worker said ok but left no usable output: its fault, not a reason to stop the run.
            return BackendResult.notRun(session.id(), Status.FAILED, "worker reported success but its output "
                    + outputFile.getFileName() + " cannot be read: " + e);
        }
        outputs.put(session.id(), actual);
        Accuracy accuracy = AccuracyAnalyzer.analyze(planned.op(), planned.dtype(), inputs, exact, actual, settings.worstCount());
        return new BackendResult(session.id(), Status.OK.id(), null, accuracy, timing(reply, length));
    }

    private static Timing timing(WorkerReply reply, long size) {
        List<Double> samples = reply.sampleNanos();
        if (samples == null || samples.isEmpty()) {
            return null;
        }
        return new Timing(size, Median.of(samples), samples.size(), reply.callsPerSample() == null ? 0 : reply.callsPerSample());
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
        return new Results(Results.SCHEMA, settings.opcompareVersion(), complete, settings.environment(),
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
