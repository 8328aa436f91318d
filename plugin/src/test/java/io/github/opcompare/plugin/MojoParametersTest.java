package io.github.opcompare.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals as Maven hands them their parameters (fields set by name, as the POM and
 * -Dopcompare.* would), with values a new user might write: each is refused as a configuration
 * error before anything runs. Only the mojo's wiring is tested here; the messages in full are the
 * engine's tests' business (config.CompareOptionsTest and the rest).
 */
class MojoParametersTest {
    @TempDir
    Path project;

    /** The compare goal with its defaults, as Maven fills it. */
    private CompareMojo compare(Map<String, Object> overrides) throws Exception {
        MavenProject p = new MavenProject();
        p.setFile(project.resolve("pom.xml").toFile());
        CompareMojo mojo = new CompareMojo();
        set(mojo, "project", p);
        set(mojo, "outputDirectory", project.resolve("target/opcompare").toFile());
        set(mojo, "sizes", "1e3,1e5,1e6");
        set(mojo, "timeBudget", "1s");
        set(mojo, "jitWarmup", "1s");
        set(mojo, "repeats", "3");
        set(mojo, "compareThreads", "true");
        set(mojo, "caseTimeout", "600");
        set(mojo, "referenceCache", project.resolve("target/opcompare-cache").toString());
        set(mojo, "failOnBackendError", "false");
        set(mojo, "skip", "false");
        set(mojo, "pluginVersion", "test");
        set(mojo, "runtimeInformation", new org.apache.maven.rtinfo.internal.DefaultRuntimeInformation());
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            set(mojo, e.getKey(), e.getValue());
        }
        return mojo;
    }

    private static String refused(AbstractMojo mojo) {
        return assertThrows(MojoFailureException.class, mojo::execute).getMessage();
    }

    @Test
    void aJvmThatIsNoJavaStopsCompareBeforeAnythingRuns() throws Exception {
        String message = refused(compare(Map.of("jvm", "/no/such/jdk")));
        assertTrue(message.startsWith("opcompare configuration error: Invalid jvm '/no/such/jdk'"), message);
        assertFalse(Files.exists(project.resolve("target/opcompare/results.json")));
    }

    @Test
    void anUntestedLibraryVersionStopsCompareBeforeAnythingRuns() throws Exception {
        Backend old = new Backend();
        old.set("tensorflow-cpu@0.4.0");
        String message = refused(compare(Map.of("backends", List.of(old), "allowUntestedVersions", "false")));
        assertTrue(message.startsWith("opcompare configuration error: backend tensorflow-cpu@0.4.0: tensorflow 0.4.0 is not a tested"
                + " version; tested versions of tensorflow: 0.5.0, 1.0.0, 1.1.0."), message);
    }

    @Test
    void aNegativeCaseTimeoutStopsCompareBeforeAnythingRuns() throws Exception {
        String message = refused(compare(Map.of("caseTimeout", "-1")));
        assertTrue(message.startsWith("opcompare configuration error: Invalid caseTimeout '-1': a duration cannot be negative"),
                message);
        assertFalse(Files.exists(project.resolve("target/opcompare/results.json")));
    }

    @Test
    void everyFloat64IsAConfigurationErrorOfCompare() throws Exception {
        Case all = new Case();
        set(all, "op", "exp");
        set(all, "dtypes", "float64");
        set(all, "inputs", "exhaustive");
        String message = refused(compare(Map.of("cases", List.of(all))));
        assertTrue(message.startsWith("opcompare configuration error: Invalid case 1: 'exhaustive' has 2^64 values of float64"),
                message);
        assertTrue(message.contains("narrow it with exhaustive(lo,hi)"), message);
    }

    @Test
    void everyMistakeOfCompareIsNamedTogether() throws Exception {
        String message = refused(compare(Map.of("repeats", "0", "tfDeterministicOps", "1", "sizes", "")));
        assertTrue(message.startsWith("opcompare configuration error: 2 parameters are invalid:"), message);
        assertTrue(message.contains("Invalid repeats '0'") && message.contains("Invalid tfDeterministicOps '1'"), message);
    }

    @Test
    void skipIsAFlagToo() throws Exception {
        assertEquals("opcompare configuration error: Invalid skip 'yes'; write true or false",
                refused(compare(Map.of("skip", "yes"))));
        // Skipped: nothing else is looked at, not even a parameter that would be refused.
        compare(Map.of("skip", "true", "caseTimeout", "-1")).execute();
    }

    @Test
    void checkRefusesAFlagThatIsNotOne() throws Exception {
        CheckMojo mojo = new CheckMojo();
        set(mojo, "resultsFile", Files.writeString(project.resolve("results.json"), "{}").toFile());
        set(mojo, "baseline", project.resolve("src/opcompare/baseline.json").toFile());
        set(mojo, "minSpeedChange", "10%");
        set(mojo, "haltOnFailure", "no");
        set(mojo, "checkFile", project.resolve("target/opcompare/check.json").toFile());
        set(mojo, "junitFile", project.resolve("target/opcompare/TEST-opcompare.xml").toFile());
        set(mojo, "skip", "false");
        assertEquals("opcompare configuration error: Invalid haltOnFailure 'no'; write true or false", refused(mojo));
        assertFalse(Files.exists(project.resolve("target/opcompare/check.json")));
    }

    @Test
    void baselineNeedsResultsToRecord() throws Exception {
        BaselineMojo mojo = new BaselineMojo();
        File missing = project.resolve("target/opcompare/results.json").toFile();
        set(mojo, "resultsFile", missing);
        set(mojo, "baseline", project.resolve("src/opcompare/baseline.json").toFile());
        set(mojo, "skip", "false");
        assertTrue(refused(mojo).startsWith("opcompare configuration error: Invalid resultsFile '" + missing + "': no such file"));
    }

    @Test
    void mergeNamesAMissingFileAsTheUsersMistake() throws Exception {
        MergeMojo mojo = new MergeMojo();
        set(mojo, "mergeFiles", List.of("xeon=ci/xeon/results.json"));
        set(mojo, "mergeOutput", project.resolve("target/opcompare/results.json").toFile());
        set(mojo, "basedir", project.toFile());
        assertTrue(refused(mojo).startsWith("opcompare merge: Invalid mergeFiles entry '" + project.resolve("ci/xeon/results.json")
                + "': no such file"));
    }

    @Test
    void exportInputsWillNotWriteIntoAFile() throws Exception {
        ExportInputsMojo mojo = new ExportInputsMojo();
        Path file = Files.writeString(project.resolve("inputs"), "a file");
        set(mojo, "inputsDirectory", file.toFile());
        set(mojo, "basedir", project.toFile());
        assertEquals("opcompare configuration error: Invalid inputsDirectory '" + file + "': " + file + " is a file, not a folder;"
                + " name a folder (it is created when missing)", refused(mojo));
    }

    @Test
    void reportRefusesAFlagThatIsNotOne() throws Exception {
        ReportMojo mojo = new ReportMojo();
        set(mojo, "resultsFile", project.resolve("results.json").toFile());
        set(mojo, "checkFile", project.resolve("check.json").toFile());
        set(mojo, "outputDirectory", project.resolve("site/opcompare").toFile());
        set(mojo, "skip", "sometimes");
        assertEquals("opcompare configuration error: Invalid skip 'sometimes'; write true or false", refused(mojo));
    }

    private static void set(Object target, String name, Object value) throws IOException {
        try {
            Field f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IOException("no field " + name + " in " + target.getClass(), e);
        }
    }
}
