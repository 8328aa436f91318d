package io.github.opcompare.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
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
        Properties properties = backendProperties();
        assertEquals("io.github.opcompare.backend.nd4j.Nd4jGpuWorker", properties.getProperty("mainClass"));
        assertEquals(Nd4jGpuWorker.class.getName(), properties.getProperty("mainClass"));
        List<String> natives = List.of(properties.getProperty("platformArtifacts").split(","));
        assertTrue(natives.contains("org.nd4j:nd4j-cuda-11.6"), natives.toString());
        assertNull(properties.getProperty("classifierSuffix.gpu"), "ND4J's CUDA natives use the plain platform classifier");
    }

    /**
     * The GPU gate's table of GPUs with kernels was measured on one nd4j-cuda-11.6 version, the root
     * pom's nd4j.version (the engine's GpuStackTest checks the table against it): this worker must run
     * that version, and says so in its descriptor.
     */
    @Test
    void theWorkerRunsTheNd4jVersionItsDescriptorNames() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/maven/org.nd4j/nd4j-cuda-11.6/pom.properties")) {
            pom.load(in);
        }
        assertEquals(pom.getProperty("version"), backendProperties().getProperty("nd4jVersion"));
    }

    private Properties backendProperties() throws Exception {
        Properties properties = new Properties();
        // This module's own descriptor: the first on the classpath is target/classes.
        try (InputStream in = Nd4jGpuWorker.class.getResourceAsStream("/META-INF/opcompare/backend.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
