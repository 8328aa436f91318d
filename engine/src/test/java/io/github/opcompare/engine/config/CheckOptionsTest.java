package io.github.opcompare.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal's parameters, refused before anything is judged; messages written out by hand. */
class CheckOptionsTest {
    @TempDir
    Path dir;
    private Path results;
    private Path baseline;
    private Path checkFile;
    private Path junitFile;

    @BeforeEach
    void files() throws IOException {
        results = Files.writeString(dir.resolve("results.json"), "{}");
        baseline = dir.resolve("baseline.json");
        checkFile = dir.resolve("check.json");
        junitFile = dir.resolve("TEST-opcompare.xml");
    }

    private String refused(Path resultsFile, Path baselineFile, String minSpeedChange, String haltOnFailure, Path check) {
        return assertThrows(IllegalArgumentException.class,
                () -> CheckOptions.of(resultsFile, baselineFile, minSpeedChange, haltOnFailure, check, junitFile)).getMessage();
    }

    @Test
    void theDefaultsAreValid() {
        CheckOptions o = CheckOptions.of(results, baseline, "10%", "true", checkFile, junitFile);
        assertEquals(0.1, o.minSpeedChange(), 1e-15);
        assertEquals(true, o.haltOnFailure());
    }

    @Test
    void eachParameterIsRefusedWithItsValidChoices() throws IOException {
        assertEquals("Invalid minSpeedChange '-10%'; write a relative change such as 10% or 0.1",
                refused(results, baseline, "-10%", "true", checkFile));
        assertEquals("Invalid minSpeedChange 'fast'; write a relative change such as 10% or 0.1",
                refused(results, baseline, "fast", "true", checkFile));
        assertEquals("Invalid haltOnFailure 'no'; write true or false", refused(results, baseline, "10%", "no", checkFile));
        Path missing = dir.resolve("target/opcompare/results.json");
        assertEquals("Invalid resultsFile '" + missing + "': no such file (run the compare goal first (mvn verify), or point"
                + " -Dopcompare.resultsFile at a results.json)", refused(missing, baseline, "10%", "true", checkFile));
        Path folder = Files.createDirectory(dir.resolve("src"));
        assertEquals("Invalid baseline '" + folder + "': it is a folder; name a file", refused(results, folder, "10%", "true", checkFile));
        assertEquals("Invalid checkFile '" + folder + "': it is a folder; name the file to write",
                refused(results, baseline, "10%", "true", folder));
    }
}
