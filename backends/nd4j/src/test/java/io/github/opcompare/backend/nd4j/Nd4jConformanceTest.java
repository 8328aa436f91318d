package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conformance kit against ND4J on the CPU (nd4j-native), in this JVM and in a forked worker. */
class Nd4jConformanceTest extends BackendConformance {

    @Override
    protected OpExecutor executor() {
        return new Nd4jExecutor();
    }

    /**
     * The kit runs once per supported library version (the pom's version-conformance executions swap
     * the library on the test classpath): this says which one actually loaded, so that a swap that
     * did not happen cannot pass as a tested version.
     */
    @Test
    void runsTheLibraryVersionUnderTest() {
        String expected = System.getProperty("opcompare.conformance.libraryVersion");
        String loaded = executor().version();
        assertTrue(expected != null && (loaded.equals(expected) || loaded.startsWith(expected + " ")),
                "expected " + backendLibrary() + " " + expected + ", loaded " + loaded);
    }

    private static String backendLibrary() {
        return "nd4j";
    }

    @Override
    protected WorkerLaunch launch() {
        return WorkerLaunch.java(Nd4jWorker.class);
    }
}
