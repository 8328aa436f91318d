package io.github.opcompare.engine.run;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendChoices;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.config.CompareOptions;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.functions.FunctionSpec;
import io.github.opcompare.engine.functions.ProjectFunctions;
import io.github.opcompare.engine.gpu.GpuDetection;
import io.github.opcompare.engine.gpu.GpuGate;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.merge.ShardSpec;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.recording.RecordingBackends;
import io.github.opcompare.engine.recording.RecordingSpec;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.worker.DeterminismEnvironment;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerClassArchive;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The compare goal without Maven: checks every parameter, plans the cases, selects the backends,
 * runs them and writes {@code results.json}, saying what it does in a {@link JobLog}. The mojo hands
 * it the parameters as written and the one thing only Maven can give, the resolution of workers.
 */
public final class CompareJob {
    /**
     * How many worst inputs each result keeps per case and backend. The report lists them with their
     * inputs, as accuracy studies list worst cases: five show a pattern (one binade, one sign, the
     * subnormals) without making results.json, which holds them for every case × backend, heavy.
     */
    public static final int WORST_INPUTS_KEPT = 5;

    private final Request request;
    private List<FunctionSpec> functions = List.of();
    private List<String> projectClasspath = List.of();
    private String functionsJava = WorkerCommand.javaOfThisJvm();

    /**
     * The compare goal's parameters, as written.
     *
     * @param baseDir the project's base directory: relative paths ({@code file(...)} domains, recordings) start there
     * @param options the other parameters, as strings, checked together when the job runs (relative
     *     paths among them resolved against {@code baseDir})
     * @param cases the configured cases; empty runs the default suite
     * @param backends backend ids, comma-separated or as a list; empty selects the catalog's defaults
     * @param recordings outputs computed elsewhere, judged as backends of their own
     * @param opcompareVersion this opcompare's version, written into results.json
     * @param buildToolVersion the Maven version, for the environment record
     * @param choices the library versions the backends run ({@code <backend>} elements, the project's own)
     */
    public record Request(Path baseDir, CompareOptions.Builder options, List<CaseSpec> cases, List<String> backends,
            List<RecordingSpec> recordings, String opcompareVersion, String buildToolVersion, BackendChoices choices) {
        public Request(Path baseDir, CompareOptions.Builder options, List<CaseSpec> cases, List<String> backends,
                List<RecordingSpec> recordings, String opcompareVersion, String buildToolVersion) {
            this(baseDir, options, cases, backends, recordings, opcompareVersion, buildToolVersion, BackendChoices.none());
        }

        public Request {
            choices = choices == null ? BackendChoices.none() : choices;
            cases = cases == null ? List.of() : List.copyOf(cases);
            backends = backends == null ? List.of() : List.copyOf(backends);
            recordings = recordings == null ? List.of() : List.copyOf(recordings);
        }
    }

    /**
     * What the run came to.
     *
     * @param results the results, as written
     * @param resultsFile where they were written
     * @param buildFailure why the build is to fail ({@code failOnBackendError} and a failed result); null when it goes on
     */
    public record Outcome(Results results, Path resultsFile, String buildFailure) {
        public boolean failsBuild() {
            return buildFailure != null;
        }
    }

    /** A parameter, case, backend or recording is wrong: nothing was run. The message names each mistake. */
    public static final class ConfigurationException extends Exception {
        ConfigurationException(IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public CompareJob(Request request) {
        this.request = request;
    }

    /**
     * The project's own functions to run as backends ({@code <functions>}), looked up in the
     * project's classes: checked with everything else before anything runs.
     *
     * @param projectClasspath the project's output, test output and test classpath
     * @param java the Java that runs them: the one the other Java workers run on ({@code <jvm>})
     */
    public CompareJob withFunctions(List<FunctionSpec> functions, List<String> projectClasspath, String java) {
        this.functions = functions == null ? List.of() : List.copyOf(functions);
        this.projectClasspath = projectClasspath == null ? List.of() : List.copyOf(projectClasspath);
        this.functionsJava = java == null ? WorkerCommand.javaOfThisJvm() : java;
        return this;
    }

    /**
     * Captures the machine's record on a thread of its own. It takes about 0.3 s of CPU, most of it
     * {@code CheckedIntrinsics} probing this JVM's Math functions, and is first needed once the workers
     * have started: made meanwhile, it is no longer a wait before they start.
     */
    private static CompletableFuture<Environment> captureMeanwhile(Supplier<Environment> capture) {
        CompletableFuture<Environment> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(capture.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "opcompare-environment");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Runs the comparison.
     *
     * @param catalog the backends that may be named
     * @param workers resolves the worker of a backend, given the checked options (its Python, its output folder)
     * @param gpus looks for GPUs, at most once: for the environment record and the GPU gate
     * @throws ConfigurationException before anything runs, naming every mistake
     * @throws IOException when results or scratch files cannot be written
     */
    public Outcome run(BackendCatalog catalog, Function<CompareOptions, WorkerCommandFactory> workers,
            Supplier<GpuDetection> gpus, JobLog log) throws ConfigurationException, IOException {
        CompareOptions options;
        List<PlannedCase> wholePlan;
        List<BackendDescriptor> selected;
        RecordingBackends recorded;
        ProjectFunctions projectFunctions;
        WorkerCommandFactory ownWorkers;
        Path out = null;
        try {
            // Everything the user wrote is checked before any backend starts; each mistake names itself.
            options = request.options().baseDir(request.baseDir()).build();
            out = options.outputDirectory();
            wholePlan = Planner.plan(request.cases(), request.baseDir());
            selected = request.choices().select(catalog, request.backends(), log::warn);
            recorded = RecordingBackends.prepare(request.recordings(), wholePlan, catalog, out.resolve("recordings"),
                    WorkerCommand.javaOfThisJvm());
            selected = recorded.appendTo(selected);
            ownWorkers = workers.apply(options);
            // A library version that does not resolve is the configuration's mistake: said before anything runs.
            for (BackendDescriptor backend : selected) {
                ownWorkers.checkVersionResolves(backend);
            }
            // A function's name may be neither a catalog backend's nor a recording's.
            Set<String> reserved = new HashSet<>(catalog.all().stream().map(BackendDescriptor::id).toList());
            selected.forEach(b -> reserved.add(b.id()));
            projectFunctions = ProjectFunctions.prepare(functions, wholePlan, reserved, projectClasspath,
                    out.resolve("functions"), functionsJava);
            selected = projectFunctions.appendTo(selected);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e);
        } catch (IOException e) {
            throw new IOException("opcompare could not write under " + out + ": " + e.getMessage(), e);
        }
        ShardSpec part = options.shard();
        List<PlannedCase> planned = part == null ? wholePlan : part.select(wholePlan, ExhaustiveSweep.CHUNK);
        // One look for GPUs serves the environment record and the GPU backends' gate. Without an
        // NVIDIA driver it is one missing file under /proc; with one, one nvidia-smi call.
        GpuDetection detected = gpus.get();
        CompletableFuture<Environment> environment = captureMeanwhile(() -> EnvironmentProbe.capture(request.buildToolVersion(), detected));
        RunSettings settings = new RunSettings(
                out.resolve("results.json"),
                out.resolve("work"),
                out.resolve("logs"),
                options.sizes(),
                options.timeBudget(),
                options.repeats(),
                options.compareThreads(),
                options.caseTimeout(),
                options.startTimeout(),
                WORST_INPUTS_KEPT,
                null, // the runner takes it from the capture above
                request.opcompareVersion(),
                options.jitWarmup(),
                options.referenceCache());
        // The GPU gate first: a GPU backend that cannot run here is skipped before anything is resolved.
        WorkerCommandFactory resolver = GpuGate.around(DeterminismEnvironment.around(options.tfDeterministicOps(),
                ownWorkers), () -> detected);
        log.info("opcompare: " + planned.size() + " case" + (planned.size() == 1 ? "" : "s")
                + (part == null ? "" : " (shard " + part.label() + " of " + wholePlan.size() + " planned)") + " on "
                + selected.stream().map(BackendDescriptor::id).toList());
        String idle = part == null ? null : part.nothingToDo(wholePlan, ExhaustiveSweep.CHUNK);
        if (idle != null) {
            log.warn("opcompare: " + idle);
        }
        Results results;
        try {
            ComparisonRunner runner = new ComparisonRunner(settings, projectFunctions.around(recorded.around(resolver)),
                    new LoggingRunListener(log)).part(part).environmentFrom(environment)
                    .classArchive(WorkerClassArchive.in(options.classArchiveCache(), log::debug));
            results = runner.run(planned, selected);
            if (part != null) {
                // Which part this is and the whole plan, so that merge can order the parts and miss none.
                results = results.withShard(part.describe(wholePlan, runner.sweepParts()));
                ResultsJson.write(results, settings.resultsFile());
            }
        } catch (IOException e) {
            throw new IOException("opcompare could not write its results under " + out + ": " + e.getMessage(), e);
        }
        log.info("");
        ConsoleFormat.summaryTable(results).forEach(log::info);
        log.info("");
        log.info("opcompare: results in " + settings.resultsFile());
        String failure = BackendErrorGate.apply(results, settings.resultsFile(), options.failOnBackendError(), log).orElse(null);
        return new Outcome(results, settings.resultsFile(), failure);
    }
}
