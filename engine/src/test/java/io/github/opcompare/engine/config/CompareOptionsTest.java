package io.github.opcompare.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.merge.ShardSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parameter of the compare goal as a new user might write it wrong: each is refused before
 * anything runs, with a message naming the parameter, the value and what is valid. The expected
 * messages are written out by hand.
 */
class CompareOptionsTest {
    private static final String CASE_TIMEOUT_VALID = "; write one of at least 1s, such as 600 (seconds), 90s or 10m"
            + " (how long one case may take on one backend before its worker is ended)";

    @TempDir
    Path project;

    private CompareOptions build(UnaryOperator<CompareOptions.Builder> configure) {
        return configure.apply(CompareOptions.builder().baseDir(project)).build();
    }

    private String refused(UnaryOperator<CompareOptions.Builder> configure) {
        return assertThrows(IllegalArgumentException.class, () -> build(configure)).getMessage();
    }

    @Test
    void theGoalsDefaultsAreValid() {
        CompareOptions o = build(b -> b);
        assertEquals(List.of(1_000, 100_000, 1_000_000), o.sizes());
        assertEquals(Duration.ofMillis(600), o.timeBudget());
        assertEquals(Duration.ofSeconds(1), o.jitWarmup());
        assertEquals(3, o.repeats());
        assertTrue(o.compareThreads());
        assertEquals(Duration.ofSeconds(600), o.caseTimeout());
        assertEquals(project.resolve("target/opcompare"), o.outputDirectory());
        assertEquals(project.resolve("target/opcompare-cache"), o.referenceCache());
        assertEquals(false, o.failOnBackendError());
        assertNull(o.tfDeterministicOps());
        assertNull(o.shard());
        assertNull(o.python());
        assertNull(o.classArchiveCache(), "outside Maven none; the compare goal passes its own default");
    }

    @Test
    void aNegativeOrTooShortCaseTimeoutIsRefused() {
        // -1 used to be taken, and every result failed with "no answer within -1 s".
        assertEquals("Invalid caseTimeout '-1': a duration cannot be negative" + CASE_TIMEOUT_VALID,
                refused(b -> b.caseTimeout("-1")));
        assertEquals("Invalid caseTimeout '0': it is under 1s" + CASE_TIMEOUT_VALID, refused(b -> b.caseTimeout("0")));
        assertEquals("Invalid caseTimeout '500ms': it is under 1s" + CASE_TIMEOUT_VALID, refused(b -> b.caseTimeout("500ms")));
        assertEquals("Invalid caseTimeout '10 minutes': not a duration" + CASE_TIMEOUT_VALID,
                refused(b -> b.caseTimeout("10 minutes")));
    }

    @Test
    void aCaseTimeoutIsSecondsOrADuration() {
        assertEquals(Duration.ofSeconds(600), build(b -> b.caseTimeout("600")).caseTimeout());
        assertEquals(Duration.ofMinutes(10), build(b -> b.caseTimeout("10m")).caseTimeout());
        assertEquals(Duration.ofSeconds(1), build(b -> b.caseTimeout("1s")).caseTimeout());
        // A worker gets at least two minutes to start, and the case timeout when that is longer.
        assertEquals(Duration.ofMinutes(2), build(b -> b.caseTimeout("5s")).startTimeout());
        assertEquals(Duration.ofMinutes(10), build(b -> b.caseTimeout("10m")).startTimeout());
    }

    @Test
    void budgetsAreDurationsOfZeroOrMore() {
        assertEquals("Invalid timeBudget '-4s': a duration cannot be negative; write one such as 4s, 1.5s, 500ms or 1m"
                + " (the wall time the timing of one case may take; 0 for no timing)", refused(b -> b.timeBudget("-4s")));
        assertEquals("Invalid jitWarmup 'long': not a duration; write one such as 2s, 500ms or 0"
                + " (how long each worker runs its first op before timing; 0 for none)", refused(b -> b.jitWarmup("long")));
        assertEquals(Duration.ZERO, build(b -> b.timeBudget("0")).timeBudget());
        assertEquals(Duration.ZERO, build(b -> b.jitWarmup("0")).jitWarmup());
    }

    @Test
    void repeatsAreAWholeNumberOfAtLeastOne() {
        String why = " (how many times each case runs on each backend; 1 runs it once)";
        assertEquals("Invalid repeats '0': it must be at least 1" + why, refused(b -> b.repeats("0")));
        assertEquals("Invalid repeats '-3': it must be at least 1" + why, refused(b -> b.repeats("-3")));
        assertEquals("Invalid repeats 'three'; write a whole number of at least 1" + why, refused(b -> b.repeats("three")));
        assertEquals("Invalid repeats '2.5'; write a whole number of at least 1" + why, refused(b -> b.repeats("2.5")));
        assertEquals(1, build(b -> b.repeats("1")).repeats());
    }

    @Test
    void flagsAreTrueOrFalseAndNothingElse() {
        // Maven's own conversion reads all of these as false, silently.
        assertEquals("Invalid compareThreads 'yes'; write true or false", refused(b -> b.compareThreads("yes")));
        assertEquals("Invalid failOnBackendError 'ture'; write true or false", refused(b -> b.failOnBackendError("ture")));
        // TF_DETERMINISTIC_OPS=1 is how TensorFlow spells it; as a parameter it would have meant false.
        assertEquals("Invalid tfDeterministicOps '1'; write true or false", refused(b -> b.tfDeterministicOps("1")));
        assertEquals(true, build(b -> b.failOnBackendError("TRUE")).failOnBackendError());
        assertEquals(Boolean.FALSE, build(b -> b.tfDeterministicOps("false")).tfDeterministicOps());
        assertNull(build(b -> b.tfDeterministicOps(null)).tfDeterministicOps());
    }

    @Test
    void sizesNoneMeansNoTiming() {
        assertEquals(List.of(), build(b -> b.sizes("none")).sizes());
        assertEquals(List.of(1_000, 1_000_000), build(b -> b.sizes("1e6, 1000")).sizes());
        assertTrue(refused(b -> b.sizes("0")).startsWith("Size '0' in sizes '0' is out of range; sizes go from 1 to"));
    }

    @Test
    void theReferenceCacheIsAFolderOrNone() throws IOException {
        assertNull(build(b -> b.referenceCache("none")).referenceCache());
        assertNull(build(b -> b.referenceCache(" NONE ")).referenceCache());
        assertEquals(project.resolve("cache"), build(b -> b.referenceCache("cache")).referenceCache());
        Files.writeString(project.resolve("notes.txt"), "a file");
        assertEquals("Invalid referenceCache 'notes.txt': " + project.resolve("notes.txt") + " is a file; name a folder, or none",
                refused(b -> b.referenceCache("notes.txt")));
        assertEquals("Invalid referenceCache 'notes.txt/cache': " + project.resolve("notes.txt") + " is a file, not a folder;"
                + " name a folder, or none", refused(b -> b.referenceCache("notes.txt/cache")));
    }

    @Test
    void theClassArchiveCacheIsAFolderOrNone() throws IOException {
        assertNull(build(b -> b.classArchiveCache("none")).classArchiveCache());
        assertNull(build(b -> b.classArchiveCache("")).classArchiveCache());
        assertEquals(project.resolve("archives"), build(b -> b.classArchiveCache("archives")).classArchiveCache());
        Files.writeString(project.resolve("notes.txt"), "a file");
        assertEquals("Invalid classArchiveCache 'notes.txt': " + project.resolve("notes.txt") + " is a file; name a folder, or none",
                refused(b -> b.classArchiveCache("notes.txt")));
    }

    @Test
    void theOutputDirectoryCannotBeAFile() throws IOException {
        Path file = Files.writeString(project.resolve("out"), "a file");
        assertEquals("Invalid outputDirectory '" + file + "': " + file + " is a file, not a folder; name a folder (it is created"
                + " when missing)", refused(b -> b.outputDirectory(file)));
    }

    @Test
    void aShardIsIOfN() {
        assertEquals("Invalid shard 5/4; write i/n with 1 <= i <= n, e.g. 1/4", refused(b -> b.shard("5/4")));
        assertEquals("Invalid shard 0/4; write i/n with 1 <= i <= n, e.g. 1/4", refused(b -> b.shard("0/4")));
        assertEquals("Invalid shard 'half'; write i/n with 1 <= i <= n, e.g. 1/4", refused(b -> b.shard("half")));
        assertEquals(new ShardSpec(2, 4), build(b -> b.shard("2/4")).shard());
    }

    @Test
    void aPythonGivenAsAPathMustBeAProgramThere() throws IOException {
        String missing = project.resolve("venv/bin/python3").toString();
        String valid = "; name a Python 3 that has NumPy (a path, or a command on the PATH such as python3), or leave it unset"
                + " to find one";
        assertEquals("Invalid python '" + missing + "': no such file" + valid, refused(b -> b.python(missing)));
        Path script = Files.writeString(project.resolve("python3"), "not a program");
        assertEquals("Invalid python '" + script + "': not an executable file" + valid, refused(b -> b.python(script.toString())));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(script.toString(), build(b -> b.python(script.toString())).python());
        // A bare name is looked up on the PATH when the numpy worker starts.
        assertEquals("python3.12", build(b -> b.python("python3.12")).python());
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        String message = refused(b -> b.caseTimeout("-1").repeats("0").compareThreads("yes"));
        assertEquals("3 parameters are invalid:\n"
                + "  Invalid repeats '0': it must be at least 1 (how many times each case runs on each backend; 1 runs it once)\n"
                + "  Invalid compareThreads 'yes'; write true or false\n"
                + "  Invalid caseTimeout '-1': a duration cannot be negative" + CASE_TIMEOUT_VALID, message);
    }
}
