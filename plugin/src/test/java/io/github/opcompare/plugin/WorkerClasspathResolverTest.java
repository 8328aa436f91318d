package io.github.opcompare.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendDescriptor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a worker's classpath holds, by backend: its dependency graph resolved as the plugin resolves it
 * (from the modules' poms as they are now), and which native jars it adds, decided from the worker's
 * backend.properties and the backend's device.
 */
class WorkerClasspathResolverTest {
    /** The workers' own descriptors, as they are built into their jars. */
    private static final Path TENSORFLOW = Path.of("../backends/tensorflow/src/main/resources/META-INF/opcompare/backend.properties");
    private static final Path ND4J_GPU = Path.of("../backends/nd4j-gpu/src/main/resources/META-INF/opcompare/backend.properties");

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
        assertEquals(List.of(), jars.stream().filter(jar -> ENGINE_ONLY.stream().anyMatch(jar::startsWith)).toList(), id);
        // Of opcompare, only the worker API and backends: a Python worker (numpy) needs neither at run time.
        assertEquals(List.of(), jars.stream().filter(jar -> jar.startsWith("io.github.opcompare:")
                && !jar.startsWith("io.github.opcompare:opcompare-worker-api:")
                && !jar.startsWith("io.github.opcompare:opcompare-backend-")).toList(), id);
        if (!"numpy".equals(backend.library())) {
            assertTrue(jars.contains("io.github.opcompare:opcompare-worker-api:" + reactor.version), jars.toString());
        }
    }

    static List<String> backendIds() {
        return BackendCatalog.all().stream().map(BackendDescriptor::id).toList();
    }

    @Test
    void tensorFlowOnTheGpuGetsTheGpuBuildOfItsNatives() throws Exception {
        Properties tf = load(TENSORFLOW);
        Map<String, Artifact> graph = Map.of("org.tensorflow:tensorflow-core-native:",
                new DefaultArtifact("org.tensorflow:tensorflow-core-native:1.1.0"));
        assertEquals(List.of("org.tensorflow:tensorflow-core-native:jar:linux-x86_64-gpu:1.1.0"),
                natives(tf, graph, backend("tensorflow-gpu")));
        assertEquals(List.of("org.tensorflow:tensorflow-core-native:jar:linux-x86_64:1.1.0"),
                natives(tf, graph, backend("tensorflow-cpu")));
    }

    @Test
    void nd4jOnTheGpuGetsTheCudaBuildWithThePlainPlatformClassifier() throws Exception {
        Properties nd4j = load(ND4J_GPU);
        Map<String, Artifact> graph = Map.of(
                "org.nd4j:nd4j-cuda-11.6:", new DefaultArtifact("org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1"),
                "org.nd4j:nd4j-cuda-11.6-preset:", new DefaultArtifact("org.nd4j:nd4j-cuda-11.6-preset:1.0.0-M2.1"),
                "org.bytedeco:cuda:", new DefaultArtifact("org.bytedeco:cuda:11.6-8.3-1.5.7"),
                "org.bytedeco:javacpp:", new DefaultArtifact("org.bytedeco:javacpp:1.5.7"));
        assertEquals(List.of("org.nd4j:nd4j-cuda-11.6:jar:linux-x86_64:1.0.0-M2.1",
                "org.nd4j:nd4j-cuda-11.6-preset:jar:linux-x86_64:1.0.0-M2.1",
                "org.bytedeco:cuda:jar:linux-x86_64:11.6-8.3-1.5.7",
                "org.bytedeco:javacpp:jar:linux-x86_64:1.5.7"), natives(nd4j, graph, backend("nd4j-gpu")));
    }

    @Test
    void aSuffixAppliesOnlyToItsDevice() {
        Properties properties = new Properties();
        properties.setProperty("classifierSuffix.gpu", " -gpu ");
        assertEquals("linux-x86_64-gpu", WorkerClasspathResolver.nativeClassifier(properties, "linux-x86_64", "gpu"));
        assertEquals("linux-x86_64", WorkerClasspathResolver.nativeClassifier(properties, "linux-x86_64", "cpu"));
        assertEquals("linux-x86_64", WorkerClasspathResolver.nativeClassifier(new Properties(), "linux-x86_64", "gpu"));
    }

    private static List<String> natives(Properties properties, Map<String, Artifact> graph, BackendDescriptor backend)
            throws Exception {
        String classifier = WorkerClasspathResolver.nativeClassifier(properties, "linux-x86_64", backend.device());
        return WorkerClasspathResolver.platformArtifacts(properties, graph, classifier, backend).stream()
                .map(Artifact::toString).toList();
    }

    private static BackendDescriptor backend(String id) {
        return BackendCatalog.find(id).orElseThrow();
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
