package io.github.opcompare.backend.vectorapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The version says what the JVM can tell about the Vector API's compilation, and what it cannot. */
class VectorApiRuntimeTest {

    @Test
    void theVersionNamesThePreferredSpeciesAndWhatTheJvmCannotTell() {
        String version = VectorApiRuntime.describe();
        // The species come from the API itself, not from the description's own code.
        assertTrue(version.contains(FloatVector.SPECIES_PREFERRED.toString()), version);
        assertTrue(version.contains("C2 on") || version.contains("C2 off"), version);
        assertTrue(version.contains("-XX:+PrintIntrinsics"), version);
    }

    @Test
    void svmlIsLookedForInTheRunningJdk() {
        String arch = System.getProperty("os.arch");
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        boolean shipped = java.nio.file.Files.isRegularFile(java.nio.file.Path.of(System.getProperty("java.home"), "lib", "libjsvml.so"));
        String svml = VectorApiRuntime.svml();
        if (!x86) {
            assertTrue(svml.startsWith("no SVML on "), svml);
        } else {
            assertTrue(svml.equals(shipped ? "SVML libjsvml.so shipped" : "no libjsvml.so in this JDK: scalar fallback for transcendentals"), svml);
        }
    }
}
