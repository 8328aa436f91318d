package io.github.opcompare.plugin;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.Platform;
import io.github.opcompare.engine.backend.SelectedVersion;
import io.github.opcompare.engine.backend.WorkerLaunch;
import io.github.opcompare.engine.worker.BackendUnavailableException;
import io.github.opcompare.engine.worker.WorkerCommand;
import io.github.opcompare.engine.worker.WorkerCommandFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.graph.DependencyFilter;

/**
 * Resolves a backend worker's classpath at run time through Maven Resolver, the way Surefire
 * resolves its providers: the worker module and its dependencies, plus the native jars of this
 * platform only (so a user without a GPU never downloads a GPU build). The backend's descriptor
 * (read from the backend jar on the plugin's classpath, the same jar at the same version as the one
 * resolved here) says which artifacts have native jars, its main class and its JVM options.
 */
final class WorkerClasspathResolver implements WorkerCommandFactory {

    /**
     * What a worker needs at run time: compile and runtime scopes. (Maven does not export
     * maven-resolver-util to plugins, so this stays a lambda over the public API.)
     */
    private static final DependencyFilter RUNTIME_CLASSPATH = (node, parents) -> {
        Dependency dependency = node.getDependency();
        return dependency == null || "compile".equals(dependency.getScope()) || "runtime".equals(dependency.getScope());
    };

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final String version;
    private final String javaExecutable;
    private final String python;
    private final Path scriptDirectory;
    /**
     * The engine starts workers side by side and asks for their commands from several threads. Maven
     * Resolver's calls are made one at a time (whether a session may be shared by concurrent
     * resolutions is not something this plugin relies on); the rest of a command (finding a Python,
     * extracting a script) needs no lock.
     */
    private final Object mavenLock = new Object();

    /**
     * @param python the Python for {@code kind=python} workers; null or blank finds one (see {@link PythonFinder})
     * @param scriptDirectory where Python worker scripts are extracted to
     */
    WorkerClasspathResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
            String version, String javaExecutable, String python, Path scriptDirectory) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.version = version;
        this.javaExecutable = javaExecutable;
        this.python = python;
        this.scriptDirectory = scriptDirectory;
    }

    @Override
    public WorkerCommand commandFor(BackendDescriptor backend) throws BackendUnavailableException {
        String platform;
        try {
            platform = Platform.current();
        } catch (IllegalArgumentException e) {
            throw new BackendUnavailableException(e.getMessage());
        }
        WorkerLaunch launch = backend.launch();
        if (launch == null) {
            throw new BackendUnavailableException(backend.id() + " has no worker to start: its descriptor names none");
        }
        if (launch.python()) {
            // Finding the Python runs it (it must import the library, 0.3 s and more): side by side
            // with resolving the worker jar, which may wait for the other backends' resolutions.
            CompletableFuture<String> interpreter = findPythonMeanwhile(backend);
            File workerJar;
            synchronized (mavenLock) {
                workerJar = resolvedArtifacts(backend).get(key(workerArtifact(backend))).getFile();
            }
            return pythonCommand(workerJar, launch, backend, joinPython(interpreter));
        }
        List<Object> key = classpathKey(backend, platform);
        List<String> classpath;
        synchronized (mavenLock) {
            classpath = classpaths.get(key);
            if (classpath == null) {
                classpath = resolveClasspath(backend, launch, platform);
                classpaths.put(key, classpath);
            }
        }
        return WorkerCommand.java(javaExecutable, launch.jvmArgs(), classpath, launch.mainClass(), backend.environment());
    }

    /**
     * Classpaths resolved in this build, by what decides them. A backend's single-thread worker is its
     * descriptor with other environment variables, which change nothing of its classpath: it takes its
     * main worker's instead of resolving the same graph again (for TensorFlow and ND4J 0.1 to 1 s of
     * Maven's time each, under the lock the other workers' resolutions wait for). Guarded by {@link #mavenLock}.
     */
    private final Map<List<Object>, List<String>> classpaths = new HashMap<>();

    private static List<Object> classpathKey(BackendDescriptor backend, String platform) {
        return Arrays.asList(backend.id(), backend.workerArtifactId(), backend.launch(), backend.selected(), platform);
    }

    private List<String> resolveClasspath(BackendDescriptor backend, WorkerLaunch launch, String platform)
            throws BackendUnavailableException {
        List<String> classpath = new ArrayList<>();
        Map<String, Artifact> byKey = resolvedArtifacts(backend);
        byKey.values().forEach(a -> classpath.add(a.getFile().getAbsolutePath()));
        String classifier = nativeClassifier(launch, platform);
        for (Artifact platformJar : platformArtifacts(nativesOf(backend), byKey, classifier, backend)) {
            if (!byKey.containsKey(key(platformJar))) {
                classpath.add(resolveOne(platformJar, backend, classifier).getAbsolutePath());
            }
        }
        return List.copyOf(classpath);
    }

    /** {@link PythonFinder#find} for {@code backend} on a thread of its own. */
    private CompletableFuture<String> findPythonMeanwhile(BackendDescriptor backend) {
        SelectedVersion selected = backend.selected();
        String configured = selected != null && selected.python() != null ? selected.python() : python;
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                found.complete(PythonFinder.find(configured));
            } catch (BackendUnavailableException | RuntimeException e) {
                found.completeExceptionally(e);
            }
        }, "opcompare-find-python-" + backend.id());
        thread.setDaemon(true);
        thread.start();
        return found;
    }

    private static String joinPython(CompletableFuture<String> interpreter) throws BackendUnavailableException {
        try {
            return interpreter.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BackendUnavailableException unavailable) {
                throw unavailable;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The worker's runtime artifacts, resolved, by {@link #key(Artifact)}. */
    private Map<String, Artifact> resolvedArtifacts(BackendDescriptor backend) throws BackendUnavailableException {
        Map<String, Artifact> byKey = new LinkedHashMap<>();
        for (Artifact a : workerArtifacts(backend)) {
            byKey.put(key(a), a);
        }
        return byKey;
    }

    /**
     * The worker and what it needs at run time, resolved: its classpath but for the native jars of
     * this platform, which its descriptor names. The worker API is the only opcompare jar
     * among them; nothing of the engine (apfloat, Hipparchus, commons-statistics) reaches a worker.
     */
    List<Artifact> workerArtifacts(BackendDescriptor backend) throws BackendUnavailableException {
        SelectedVersion selected = backend.selected();
        if (selected != null && selected.differsFrom(backend.versions())) {
            return resolveCollect(LibraryVersionGraph.request(workerArtifact(backend), backend, repositories), backend.id() + " ("
                    + backend.library() + " " + selected.version() + ")").stream().map(ArtifactResult::getArtifact).toList();
        }
        return resolveGraph(workerArtifact(backend)).stream().map(ArtifactResult::getArtifact).toList();
    }

    /**
     * Before anything runs: the library at the version selected for {@code backend} must be there to
     * resolve (its main artifacts, which carry the rest of its graph).
     */
    @Override
    public void checkVersionResolves(BackendDescriptor backend) {
        SelectedVersion selected = backend.selected();
        if (selected == null || !selected.differsFrom(backend.versions())) {
            return;
        }
        for (Artifact artifact : LibraryVersionGraph.libraryArtifacts(backend)) {
            try {
                system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
            } catch (ArtifactResolutionException e) {
                throw new IllegalArgumentException("backend " + backend.id() + ": " + backend.library() + " " + selected.version()
                        + " does not resolve: tried " + artifact + " from " + repositoryNames() + ": " + rootCause(e)
                        + "; tested versions: " + String.join(", ", backend.versions().tested()), e);
            }
        }
    }

    private String repositoryNames() {
        return repositories.isEmpty() ? "the local repository only"
                : "the local repository and " + repositories.stream().map(RemoteRepository::getId).toList();
    }

    /** The native jars: those of the selected version's API generation, else the descriptor's. */
    private static WorkerLaunch nativesOf(BackendDescriptor backend) {
        SelectedVersion selected = backend.selected();
        WorkerLaunch launch = backend.launch();
        if (selected == null || !selected.differsFrom(backend.versions())) {
            return launch;
        }
        return backend.versions().generationOf(selected.version())
                .map(g -> new WorkerLaunch(launch.kind(), launch.mainClass(), launch.script(), launch.jvmArgs(), g.platformArtifacts(),
                        launch.classifierSuffix(), launch.multiThreaded()))
                .orElse(launch);
    }

    private Artifact workerArtifact(BackendDescriptor backend) {
        return new DefaultArtifact(BackendCatalog.GROUP_ID, backend.workerArtifactId(), "jar", version);
    }

    /**
     * A Python worker: its script is a resource of the worker jar, extracted beside the run's other
     * scratch files and started with a Python that can import numpy.
     */
    private WorkerCommand pythonCommand(File workerJar, WorkerLaunch launch, BackendDescriptor backend, String interpreter)
            throws BackendUnavailableException {
        String script = launch.script();
        Path target = scriptDirectory.resolve(backend.id()).resolve(Path.of(script).getFileName().toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {workerJar.toURI().toURL()}, null)) {
            URL resource = loader.findResource(script);
            if (resource == null) {
                throw new BackendUnavailableException(workerJar + " lacks its worker script " + script);
            }
            try (InputStream in = resource.openStream()) {
                byte[] content = in.readAllBytes();
                io.github.opcompare.engine.io.AtomicFiles.write(target, out -> out.write(content));
            }
        } catch (IOException e) {
            throw new BackendUnavailableException("cannot extract " + script + " of " + backend.id() + ": " + e, e);
        }
        // -u: unbuffered, so each reply reaches the engine at once.
        return new WorkerCommand(List.of(interpreter, "-u", target.toString()), backend.environment());
    }

    private List<ArtifactResult> resolveGraph(Artifact root) throws BackendUnavailableException {
        return resolveCollect(new CollectRequest(new Dependency(root, "runtime"), repositories), root.toString());
    }

    private List<ArtifactResult> resolveCollect(CollectRequest collect, String what) throws BackendUnavailableException {
        DependencyRequest request = new DependencyRequest(collect, RUNTIME_CLASSPATH);
        try {
            return system.resolveDependencies(session, request).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new BackendUnavailableException("cannot resolve the worker " + what + ": " + rootCause(e), e);
        }
    }

    private File resolveOne(Artifact artifact, BackendDescriptor backend, String platform) throws BackendUnavailableException {
        try {
            return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new BackendUnavailableException("no native build for platform " + platform + " of " + artifact
                    + " (needed by " + backend.id() + "): " + rootCause(e), e);
        }
    }

    /**
     * The classifier of a backend's native jars: the platform's ({@code linux-x86_64}), plus the suffix
     * its descriptor declares for the backend. TensorFlow's GPU natives are the same artifact with
     * classifier {@code linux-x86_64-gpu} (suffix {@code -gpu}); ND4J's CUDA build is other artifacts
     * with the plain platform classifier, so its descriptor declares no suffix.
     */
    static String nativeClassifier(WorkerLaunch launch, String platform) {
        return platform + launch.classifierSuffix();
    }

    /** Native jars: each named artifact with the given classifier, at the version the graph chose. */
    static List<Artifact> platformArtifacts(WorkerLaunch launch, Map<String, Artifact> graph, String platform,
            BackendDescriptor backend) throws BackendUnavailableException {
        List<Artifact> natives = new ArrayList<>();
        for (String coordinate : launch.platformArtifacts()) {
            String[] parts = coordinate.split(":");
            Artifact base = graph.get(parts[0] + ":" + parts[1] + ":");
            if (base == null) {
                throw new BackendUnavailableException(backend.id() + " names platform artifact " + coordinate
                        + ", which is not in its dependency graph");
            }
            natives.add(new DefaultArtifact(parts[0], parts[1], platform, "jar", base.getVersion()));
        }
        return natives;
    }

    /** groupId:artifactId:classifier — the identity of a jar on a classpath, whatever its version. */
    private static String key(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getClassifier();
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
