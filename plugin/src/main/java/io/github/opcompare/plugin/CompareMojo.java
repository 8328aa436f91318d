package io.github.opcompare.plugin;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendChoices;
import io.github.opcompare.engine.backend.ProjectLibraryVersions;
import io.github.opcompare.engine.config.CompareOptions;
import io.github.opcompare.engine.config.ParameterValues;
import io.github.opcompare.engine.gpu.GpuProbe;
import io.github.opcompare.engine.run.CompareJob;
import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.worker.WorkerJvm;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Runs the configured op comparisons (or the default suite) on every selected backend and writes
 * {@code target/opcompare/results.json}.
 */
// The test classpath: <functions> run the project's own methods on its classes and test dependencies,
// and the project's own TensorFlow or ND4J version is read from its dependencies.
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class CompareMojo extends AbstractMojo {

    /**
     * Backends to compare, comma-separated or as a list; empty means every CPU backend. The GPU
     * backends ({@code tensorflow-gpu}, {@code nd4j-gpu}) run only when named. A backend that cannot
     * run here is reported as skipped, with the reason. Each may name its library version
     * ({@code tensorflow-cpu@1.0.0}, or {@code <backend><id>tensorflow-cpu</id><version>1.0.0</version></backend>})
     * and a Python backend its Python ({@code <python>}); several versions of one library run side by side.
     * Without a version a backend runs the version the project depends on, else opcompare's.
     */
    @Parameter(property = "opcompare.backends")
    private List<Backend> backends;

    /**
     * The Java that runs the Java workers: a JDK's home folder or its {@code bin/java}. Unset: the
     * Java the build runs on. The {@code jdk} backends measure it.
     */
    @Parameter(property = "opcompare.jvm")
    private String jvm;

    /** Runs library versions outside the tested ones, with a warning, instead of refusing them. */
    @Parameter(property = "opcompare.allowUntestedVersions", defaultValue = "false")
    private String allowUntestedVersions;

    /** The cases to run; when none are configured, the default suite runs. */
    @Parameter
    private List<Case> cases;

    /** Where results.json, worker logs and scratch files go. */
    @Parameter(property = "opcompare.outputDirectory", defaultValue = "${project.build.directory}/opcompare")
    private File outputDirectory;

    /**
     * Sizes (elements per operand) each case is timed at, comma-separated: {@code 1000}, {@code 1e6} or
     * {@code 10^6}. Default 10^3, 10^5 and 10^6; {@code full} for 10^2 to 10^7, one per decade. {@code none}: no timing (an empty element
     * reaches the goal as unset, that is the default).
     */
    @Parameter(property = "opcompare.sizes", defaultValue = "1e3,1e5,1e6")
    private String sizes;

    /**
     * Wall time the timing of one case may take at most, over all its backends and sizes ({@code 4s},
     * {@code 500ms}, {@code 1m}; {@code 0} for no timing). Sampling a size stops earlier once the 95%
     * interval of its median is within ±1%. Sizes that would not fit are left out, with a note.
     */
    @Parameter(property = "opcompare.timeBudget", defaultValue = "600ms")
    private String timeBudget;

    /**
     * How long each backend's worker calls the op of its first timed case before timing starts, once
     * per build, all workers at once ({@code 2s}; {@code 0} for none). JIT compilers need seconds to
     * reach a steady state: TensorFlow Java's calls at 10^3 elements get twice as fast over the first
     * four seconds of a JVM ({@code 6s} matches JMH's warm-up). Outside the cases' time budgets.
     */
    @Parameter(property = "opcompare.jitWarmup", defaultValue = "1s")
    private String jitWarmup;

    /** How many times each case runs on each backend, to find results that change from run to run; at least 1. */
    @Parameter(property = "opcompare.repeats", defaultValue = "3")
    private String repeats;

    /**
     * Also runs each backend that uses several threads with one thread: the results are compared bit
     * for bit, and the speed-up is reported at the largest size.
     */
    @Parameter(property = "opcompare.compareThreads", defaultValue = "true")
    private String compareThreads;

    /**
     * How long one case may take on one backend before its worker is ended and the case marked failed:
     * a bare number is seconds ({@code 600}), or {@code 90s}, {@code 10m}; at least 1 s.
     */
    @Parameter(property = "opcompare.caseTimeout", defaultValue = "600")
    private String caseTimeout;

    /**
     * Folder where exact references are kept between builds, so that a second {@code mvn verify}
     * without clean does not compute them again; {@code none} for no cache. A reference is reused
     * only for the same op, dtype, domains, seed, size, input values and opcompare build.
     * Exhaustive sweeps and special values are never cached.
     */
    @Parameter(property = "opcompare.referenceCache", defaultValue = "${project.build.directory}/opcompare-cache")
    private String referenceCache;

    /**
     * Folder of the Java workers' class-data archives (the JDK's AppCDS), which make each worker JVM
     * start in less CPU time; {@code none} for none. Default: {@code .cache/opcompare/class-archives}
     * in the local repository, outside {@code target/} so that a clean build uses them too. The first
     * run writes each worker's archive when the worker exits (a few seconds, once); a worker is matched
     * to its archive by its JDK, JVM options, classpath (sizes and times) and main class.
     */
    @Parameter(property = "opcompare.classArchiveCache")
    private String classArchiveCache;

    /**
     * Fails the build when a case failed on a backend (its worker crashed, hung, ran out of memory,
     * or the library threw); otherwise each failure is a warning and the build goes on.
     */
    @Parameter(property = "opcompare.failOnBackendError", defaultValue = "false")
    private String failOnBackendError;

    /**
     * Outputs computed elsewhere, one {@code .npy} file per case and dtype, judged like a live
     * backend named by each recording's {@code <name>}.
     */
    @Parameter
    private List<Recording> recordings;

    /**
     * The Python that runs the {@code numpy} backend. Default: the first {@code python3} on the PATH
     * that can import numpy, else {@code /usr/bin/python3}.
     */
    @Parameter(property = "opcompare.python")
    private String python;

    /**
     * {@code TF_DETERMINISTIC_OPS} for the TensorFlow workers: {@code true} makes TensorFlow choose
     * deterministic kernels (on the GPU, reductions without atomics), {@code false} lets it choose the
     * fastest. Unset leaves TensorFlow's default (the variable is not passed).
     */
    @Parameter(property = "opcompare.tfDeterministicOps")
    private String tfDeterministicOps;

    /**
     * Runs only the i-th of n parts of the plan ({@code 2/4}), for a CI matrix: its share of the
     * planned cases, dealt out in turn, and its range of each exhaustive sweep; the merge goal puts
     * the parts back together. Unset: everything.
     */
    @Parameter(property = "opcompare.shard")
    private String shard;

    /**
     * The project's own static methods to compare, one per op, each {@code <op>}, {@code <method>}
     * ({@code com.acme.math.FastExp#exp}) and optional {@code <name>} (the backend it appears under,
     * default {@code project}). Checked before anything runs; run in a worker on the project's
     * classes and test classpath.
     */
    @Parameter
    private List<Function> functions;

    /** Skips the comparison. */
    @Parameter(property = "opcompare.skip", defaultValue = "false")
    private String skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    @Component
    private RepositorySystem repositorySystem;

    @Component
    private RuntimeInformation runtimeInformation;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (Skip.requested(skip)) {
            getLog().info("opcompare: skipped (opcompare.skip)");
            return;
        }
        Path baseDir = project.getBasedir().toPath();
        CompareOptions.Builder options = CompareOptions.builder().sizes(sizes).timeBudget(timeBudget)
                .jitWarmup(jitWarmup).repeats(repeats).compareThreads(compareThreads).caseTimeout(caseTimeout)
                .outputDirectory(outputDirectory.toPath()).referenceCache(referenceCache).failOnBackendError(failOnBackendError)
                .tfDeterministicOps(tfDeterministicOps).shard(shard).python(python)
                .classArchiveCache(classArchiveCache != null ? classArchiveCache : defaultClassArchiveCache());
        CompareJob.Request request;
        String workerJava;
        try {
            workerJava = WorkerJvm.resolve(jvm, baseDir);
            request = new CompareJob.Request(baseDir, options, Case.toSpecs(cases), List.of(), Recording.toSpecs(recordings, baseDir),
                    pluginVersion, runtimeInformation.getMavenVersion(), new BackendChoices(Backend.toRequests(backends),
                            new ProjectLibraryVersions(ProjectDependencies.of(project)),
                            Boolean.TRUE.equals(ParameterValues.optionalFlag("allowUntestedVersions", allowUntestedVersions)),
                            new MachinePythons()));
        } catch (IllegalArgumentException e) {
            throw configurationError(e);
        }
        CompareJob.Outcome outcome;
        try {
            outcome = new CompareJob(request).withFunctions(Function.toSpecs(functions), projectClasspath(), workerJava)
                    .run(BackendCatalog.installed(), o -> workerResolver(o, workerJava), GpuProbe::detect, new MavenJobLog(getLog()));
        } catch (CompareJob.ConfigurationException e) {
            throw configurationError(e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (outcome.failsBuild()) {
            throw new MojoFailureException(outcome.buildFailure());
        }
    }

    /**
     * Beside the artifacts in the local repository, as JavaCPP keeps its native libraries in
     * ~/.javacpp/cache; none where there is no local repository to put it beside (a mojo without a session).
     */
    private String defaultClassArchiveCache() {
        if (session == null || session.getRepositorySession() == null || session.getRepositorySession().getLocalRepository() == null) {
            return ParameterPaths.NONE;
        }
        java.io.File repository = session.getRepositorySession().getLocalRepository().getBasedir();
        return repository.toPath().resolve(".cache").resolve("opcompare").resolve("class-archives").toString();
    }

    /** Output, test output and test dependencies, when functions need them; Maven resolved them for this goal. */
    private List<String> projectClasspath() throws MojoExecutionException {
        if (functions == null || functions.isEmpty()) {
            return List.of();
        }
        try {
            return project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("opcompare: the project's test classpath is not resolved: " + e.getMessage(), e);
        }
    }

    private static MojoFailureException configurationError(Exception e) {
        return new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
    }

    /** Workers resolved like plugin dependencies, through Maven Resolver. */
    private WorkerCommandFactory workerResolver(CompareOptions options, String workerJava) {
        return new WorkerClasspathResolver(repositorySystem, session.getRepositorySession(), repositories(), pluginVersion,
                workerJava, options.python(), options.outputDirectory().resolve("scripts"));
    }

    /** Project and plugin repositories, deduplicated by id: workers are resolved like plugin dependencies. */
    private List<RemoteRepository> repositories() {
        Map<String, RemoteRepository> byId = new LinkedHashMap<>();
        project.getRemotePluginRepositories().forEach(r -> byId.putIfAbsent(r.getId(), r));
        project.getRemoteProjectRepositories().forEach(r -> byId.putIfAbsent(r.getId(), r));
        return new ArrayList<>(byId.values());
    }
}
