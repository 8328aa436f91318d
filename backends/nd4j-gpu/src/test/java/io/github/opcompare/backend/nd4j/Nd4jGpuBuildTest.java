package io.github.opcompare.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What this module's build brings along, and what it must leave for run time. */
class Nd4jGpuBuildTest {

    @Test
    void theCudaNativesAreNotOnTheBuildClasspath() {
        // nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64.jar (600 MB) holds these; it is excluded at build time.
        ClassLoader loader = getClass().getClassLoader();
        assertNull(loader.getResource("org/nd4j/linalg/jcublas/bindings/linux-x86_64/libnd4jcuda.so"));
        assertNull(loader.getResource("org/nd4j/linalg/jcublas/bindings/linux-x86_64/libjnind4jcuda.so"));
        // Nor ND4J's CPU backend, which ND4J would otherwise pick.
        assertNull(loader.getResource("org/nd4j/linalg/cpu/nativecpu/CpuBackend.class"));
        assertNotNull(loader.getResource("org/nd4j/linalg/jcublas/JCublasBackend.class"));
    }

    @Test
    void theWorkerNamesTheNativesForRunTime() throws Exception {
        JsonNode descriptor = descriptor();
        assertEquals(Nd4jGpuWorker.class.getName(), descriptor.at("/worker/mainClass").asText());
        List<String> natives = new ArrayList<>();
        descriptor.get("platformArtifacts").forEach(n -> natives.add(n.asText()));
        assertTrue(natives.contains("org.nd4j:nd4j-cuda-11.6"), natives.toString());
        assertTrue(descriptor.at("/backends/0/classifierSuffix").isMissingNode(), "ND4J's CUDA natives use the plain platform classifier");
    }

    /**
     * The GPU gate's table of GPUs with kernels was measured on one nd4j-cuda-11.6 version, the root
     * pom's nd4j.version (the engine's GpuStackTest checks the table against it): this worker must run
     * that version, and its descriptor's kernel table names it.
     */
    @Test
    void theWorkerRunsTheNd4jVersionItsDescriptorNames() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/maven/org.nd4j/nd4j-cuda-11.6/pom.properties")) {
            pom.load(in);
        }
        assertEquals("org.nd4j:nd4j-cuda-11.6:" + pom.getProperty("version"),
                descriptor().at("/backends/0/gpu/kernels/artifact").asText());
    }

    private JsonNode descriptor() throws Exception {
        // This module's own descriptor: the first on the classpath is target/classes.
        try (InputStream in = Nd4jGpuWorker.class.getResourceAsStream("/META-INF/opcompare/backend.json")) {
            return new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS).readTree(in);
        }
    }
}
