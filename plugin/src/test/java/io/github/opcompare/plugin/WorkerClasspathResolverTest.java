package io.github.opcompare.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.backend.SelectedVersion;
import io.github.opcompare.engine.backend.VersionSource;
import io.github.opcompare.engine.backend.WorkerLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a worker's classpath holds, by backend: its dependency graph resolved as the plugin resolves it
 * (from the modules' poms as they are now), and which native jars it adds, decided from the backend's
 * descriptor, as the plugin finds it on its own classpath.
 */
class WorkerClasspathResolverTest {
    /** Jars of the engine's own libraries, or of the engine: none may reach a worker. */
    private static final List<String> ENGINE_ONLY = List.of("io.github.opcompare:opcompare-engine:",
            "org.apfloat:", "org.hipparchus:", "org.apache.commons:commons-statistics");

    private static ReactorRepository reactor;

    @BeforeAll
    static void resolveFromThisSourceTree() throws Exception {
        reactor = ReactorRepository.of(Path.of("..").toAbsolutePath().normalize());
    }

    /**
     * A worker JVM holds the worker API, its backend and the backend's library, nothing of the engine:
     * the engine's libraries would only cost start-up time, and could clash with the library's own.
     */
    @ParameterizedTest
    @MethodSource("backendIds")
    void aWorkerClasspathHoldsNothingOfTheEngine(String id) throws Exception {
        BackendDescriptor backend = backend(id);
        WorkerClasspathResolver resolver = new WorkerClasspathResolver(reactor.system, reactor.session, List.of(),
                reactor.version, "java", null, null);
        List<String> jars = resolver.workerArtifacts(backend).stream()
                .map(a -> a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()).toList();

        assertTrue(jars.contains("io.github.opcompare:" + backend.workerArtifactId() + ":" + reactor.version), jars.toString());
        // Hipparchus is the engine's and the hipparchus backend's library: that worker needs its core.
        List<String> ownLibrary = "hipparchus".equals(backend.library()) ? List.of("org.hipparchus:hipparchus-core:") : List.of();
        assertEquals(List.of(), jars.stream().filter(jar -> ENGINE_ONLY.stream().anyMatch(jar::startsWith)
                && ownLibrary.stream().noneMatch(jar::startsWith)).toList(), id);
        // Of opcompare, only the worker API and backends: a Python worker (numpy) needs neither at run time.
        assertEquals(List.of(), jars.stream().filter(jar -> jar.startsWith("io.github.opcompare:")
                && !jar.startsWith("io.github.opcompare:opcompare-worker-api:")
                && !jar.startsWith("io.github.opcompare:opcompare-backend-")).toList(), id);
        if (!"numpy".equals(backend.library())) {
            assertTrue(jars.contains("io.github.opcompare:opcompare-worker-api:" + reactor.version), jars.toString());
        }
    }

    static List<String> backendIds() {
        return BackendCatalog.installed().all().stream().map(BackendDescriptor::id).toList();
    }

    @Test
    void tensorFlowOnTheGpuGetsTheGpuBuildOfItsNatives() throws Exception {
        Map<String, Artifact> graph = Map.of("org.tensorflow:tensorflow-core-native:",
                new DefaultArtifact("org.tensorflow:tensorflow-core-native:1.1.0"));
        assertEquals(List.of("org.tensorflow:tensorflow-core-native:jar:linux-x86_64-gpu:1.1.0"),
                natives(graph, backend("tensorflow-gpu")));
        assertEquals(List.of("org.tensorflow:tensorflow-core-native:jar:linux-x86_64:1.1.0"),
                natives(graph, backend("tensorflow-cpu")));
    }

    @Test
    void nd4jOnTheGpuGetsTheCudaBuildWithThePlainPlatformClassifier() throws Exception {
        Map<String, Artifact> graph = Map.of(
                "org.nd4j:nd4j-cuda-11.6:", new DefaultArtifact("org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1"),
                "org.nd4j:nd4j-cuda-11.6-preset:", new DefaultArtifact("org.nd4j:nd4j-cuda-11.6-preset:1.0.0-M2.1"),
                "org.bytedeco:cuda:", new DefaultArtifact("org.bytedeco:cuda:11.6-8.3-1.5.7"),
                "org.bytedeco:javacpp:", new DefaultArtifact("org.bytedeco:javacpp:1.5.7"));
        assertEquals(List.of("org.nd4j:nd4j-cuda-11.6:jar:linux-x86_64:1.0.0-M2.1",
                "org.nd4j:nd4j-cuda-11.6-preset:jar:linux-x86_64:1.0.0-M2.1",
                "org.bytedeco:cuda:jar:linux-x86_64:11.6-8.3-1.5.7",
                "org.bytedeco:javacpp:jar:linux-x86_64:1.5.7"), natives(graph, backend("nd4j-gpu")));
    }

    @Test
    void aSuffixAppliesOnlyToTheBackendThatDeclaresIt() {
        assertEquals("linux-x86_64-gpu", WorkerClasspathResolver.nativeClassifier(backend("tensorflow-gpu").launch(), "linux-x86_64"));
        assertEquals("linux-x86_64", WorkerClasspathResolver.nativeClassifier(backend("tensorflow-cpu").launch(), "linux-x86_64"));
        assertEquals("linux-x86_64", WorkerClasspathResolver.nativeClassifier(backend("nd4j-gpu").launch(), "linux-x86_64"));
    }

    /** The catalog the plugin builds holds every backend module of this build: none was left out of the plugin's pom. */
    @Test
    void thePluginKnowsEveryBackendModule() throws Exception {
        java.util.Set<String> modules = new java.util.TreeSet<>();
        try (var dirs = Files.list(Path.of("../backends"))) {
            dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).forEach(d -> modules.add("opcompare-backend-" + d.getFileName()));
        }
        java.util.Set<String> known = new java.util.TreeSet<>();
        BackendCatalog.installed().all().forEach(b -> known.add(b.workerArtifactId()));
        assertEquals(modules, known);
    }

    /**
     * The default backends, in the order results list them: the plugin's dependency order. Kept as it
     * was when the catalog was a list in the engine, so that results.json reads the same.
     */
    @Test
    void theDefaultsAreEveryCpuBackendInTheirFormerOrder() {
        assertEquals(List.of("tensorflow-cpu", "nd4j-cpu", "numpy", "jdk", "jdk-strict"),
                BackendCatalog.installed().defaults().stream().map(BackendDescriptor::id).toList());
    }

    /**
     * Another version of a library: the worker's graph holds that version's artifacts, with the
     * dependencies its release declares, and nothing of the version the worker module was built with.
     */
    @Test
    void anotherVersionReplacesTheLibraryInTheWorkersGraph() throws Exception {
        WorkerClasspathResolver resolver = new WorkerClasspathResolver(reactor.system, reactor.session, List.of(),
                reactor.version, "java", null, null);
        BackendDescriptor tf = selected("tensorflow-cpu", "1.0.0");
        List<String> jars = resolver.workerArtifacts(tf).stream().map(a -> a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion())
                .toList();
        assertTrue(jars.contains("org.tensorflow:tensorflow-core-api:1.0.0"), jars.toString());
        assertTrue(jars.contains("org.tensorflow:tensorflow-core-native:1.0.0"), jars.toString());
        assertEquals(List.of(), jars.stream().filter(j -> j.endsWith(":1.1.0")).toList(), "nothing of TF Java 1.1.0");
        assertTrue(jars.contains("io.github.opcompare:opcompare-worker-api:" + reactor.version), jars.toString());

        List<String> nd4j = resolver.workerArtifacts(selected("nd4j-cpu", "1.0.0-M1.1")).stream()
                .map(a -> a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()).toList();
        // ND4J 1.0.0-M1.1 was built on JavaCPP 1.5.5 and OpenBLAS 0.3.13 (its pom), not M2.1's 1.5.7 and 0.3.19.
        assertTrue(nd4j.contains("org.nd4j:nd4j-native:1.0.0-M1.1"), nd4j.toString());
        assertTrue(nd4j.contains("org.bytedeco:javacpp:1.5.5"), nd4j.toString());
        assertTrue(nd4j.contains("org.bytedeco:openblas:0.3.13-1.5.5"), nd4j.toString());
        assertEquals(List.of(), nd4j.stream().filter(j -> j.contains("1.0.0-M2.1") || j.endsWith(":1.5.7")).toList());
    }

    /** TensorFlow Java 0.x carries its natives in tensorflow-core-api itself, with JavaCPP's JNI library beside it. */
    @Test
    void tensorFlowZeroFiveGetsItsNativesFromTheApiArtifact() throws Exception {
        WorkerClasspathResolver resolver = new WorkerClasspathResolver(reactor.system, reactor.session, List.of(),
                reactor.version, "java", null, null);
        BackendDescriptor tf = selected("tensorflow-cpu", "0.5.0");
        Map<String, Artifact> graph = new java.util.LinkedHashMap<>();
        for (Artifact a : resolver.workerArtifacts(tf)) {
            graph.put(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getClassifier(), a);
        }
        WorkerLaunch natives = new WorkerLaunch(WorkerLaunch.JAVA, "Main", null, List.of(),
                tf.versions().generationOf("0.5.0").orElseThrow().platformArtifacts(), "");
        assertEquals(List.of("org.tensorflow:tensorflow-core-api:jar:linux-x86_64:0.5.0", "org.bytedeco:javacpp:jar:linux-x86_64:1.5.8"),
                WorkerClasspathResolver.platformArtifacts(natives, graph, "linux-x86_64", tf).stream().map(Artifact::toString).toList());
    }

    /**
     * A backend's single-thread worker is its descriptor with the thread variables set: it gets its
     * main worker's command with those variables, without a second resolution of the same graph. Another
     * version of the library is another graph and resolves its own.
     */
    @Test
    void aSingleThreadWorkerTakesItsMainWorkersClasspathWithoutResolvingAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        org.eclipse.aether.RepositorySystem counting = (org.eclipse.aether.RepositorySystem) java.lang.reflect.Proxy.newProxyInstance(
                org.eclipse.aether.RepositorySystem.class.getClassLoader(), new Class<?>[] {org.eclipse.aether.RepositorySystem.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("resolve") || method.getName().startsWith("collect")) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(reactor.system, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        WorkerClasspathResolver resolver = new WorkerClasspathResolver(counting, reactor.session, List.of(), reactor.version, "java",
                null, null);
        BackendDescriptor nd4j = backend("nd4j-cpu");
        io.github.opcompare.engine.worker.WorkerCommand main = resolver.commandFor(nd4j);
        int resolutions = calls.get();
        assertTrue(resolutions > 0, "the main worker's command is resolved");
        assertTrue(main.command().stream().anyMatch(arg -> arg.contains("openblas") && arg.contains("linux-x86_64")), main.command().toString());

        io.github.opcompare.engine.worker.WorkerCommand single = resolver.commandFor(nd4j.withEnvironment(Map.of("OMP_NUM_THREADS", "1")));
        assertEquals(resolutions, calls.get(), "resolved again for the single-thread worker");
        assertEquals(main.command(), single.command());
        assertEquals("1", single.environment().get("OMP_NUM_THREADS"));
        assertEquals(null, main.environment().get("OMP_NUM_THREADS"));

        io.github.opcompare.engine.worker.WorkerCommand older = resolver.commandFor(selected("nd4j-cpu", "1.0.0-M1.1"));
        assertTrue(calls.get() > resolutions, "another version is another graph");
        assertTrue(String.join(" ", older.command()).contains("nd4j-native-1.0.0-M1.1"), older.command().toString());
    }

    private static BackendDescriptor selected(String id, String version) {
        return backend(id).selecting(id + "@" + version, new SelectedVersion(version, VersionSource.CONFIGURED, List.of(), null, false));
    }

    private static List<String> natives(Map<String, Artifact> graph, BackendDescriptor backend) throws Exception {
        String classifier = WorkerClasspathResolver.nativeClassifier(backend.launch(), "linux-x86_64");
        return WorkerClasspathResolver.platformArtifacts(backend.launch(), graph, classifier, backend).stream()
                .map(Artifact::toString).toList();
    }

    private static BackendDescriptor backend(String id) {
        return BackendCatalog.installed().find(id).orElseThrow();
    }
}
