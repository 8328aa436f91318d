package io.github.opcompare.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A JDK's feature version from its release file, as the JDKs write it. */
class WorkerJdkTest {
    @Test
    void featureVersionsOfReleaseFiles() {
        // The lines as Temurin 25, Debian's OpenJDK 17 and Oracle's JDK 8 write them.
        assertEquals(OptionalInt.of(25), WorkerJdk.featureVersion("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25\"\n"));
        assertEquals(OptionalInt.of(17), WorkerJdk.featureVersion("IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\n"));
        assertEquals(OptionalInt.of(8), WorkerJdk.featureVersion("JAVA_VERSION=\"1.8.0_292\"\nOS_NAME=\"Linux\"\n"));
        assertEquals(OptionalInt.of(13), WorkerJdk.featureVersion("JAVA_VERSION=\"13-ea\"\n"));
    }

    @Test
    void noVersionLineOrAnUnreadableOneIsUnknown() {
        assertEquals(OptionalInt.empty(), WorkerJdk.featureVersion("IMPLEMENTOR=\"Acme\"\n"));
        assertEquals(OptionalInt.empty(), WorkerJdk.featureVersion("JAVA_VERSION=\"seventeen\"\n"));
        assertEquals(OptionalInt.empty(), WorkerJdk.featureVersion(null));
    }

    @Test
    void thisJvmIsKnownAndAMissingExecutableIsNot() {
        WorkerJdk own = WorkerJdk.of(WorkerCommand.javaOfThisJvm());
        assertEquals(OptionalInt.of(Runtime.version().feature()), own.featureVersion());
        assertTrue(own.canArchiveAtExit(), "the build runs on Java 17 or later");
        assertFalse(WorkerJdk.of("/no/such/jdk/bin/java").canArchiveAtExit());
    }
}
