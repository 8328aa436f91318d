package io.github.opcompare.engine.config;

import io.github.opcompare.engine.check.SpeedTolerance;
import io.github.opcompare.engine.io.ParameterPaths;
import java.nio.file.Path;

/**
 * The check goal's parameters besides its rules (which {@code RuleParser} checks against the
 * results), read and checked together before anything is judged.
 *
 * @param resultsFile the results to check; it exists
 * @param baseline the baseline to compare with when the file exists; never a folder
 * @param minSpeedChange smallest relative slow-down that fails the build, 0 or more
 * @param haltOnFailure whether a violation fails the build
 * @param checkFile where check.json goes
 * @param junitFile where the JUnit XML goes
 */
public record CheckOptions(Path resultsFile, Path baseline, double minSpeedChange, boolean haltOnFailure, Path checkFile,
        Path junitFile) {

    /** How to get results to check, for the message when there are none. */
    public static final String RESULTS_HINT = "run the compare goal first (mvn verify), or point -Dopcompare.resultsFile at a results.json";

    /**
     * @throws IllegalArgumentException naming each invalid parameter, its value and the valid choices
     */
    public static CheckOptions of(Path resultsFile, Path baseline, String minSpeedChange, String haltOnFailure, Path checkFile,
            Path junitFile) {
        ParameterErrors errors = new ParameterErrors();
        Path results = errors.take(() -> ParameterPaths.existingFile("resultsFile", resultsFile, RESULTS_HINT));
        Path base = errors.take(() -> ParameterPaths.optionalFile("baseline", baseline));
        Double speed = errors.take(() -> SpeedTolerance.parse(minSpeedChange));
        Boolean halt = errors.take(() -> ParameterValues.flag("haltOnFailure", haltOnFailure));
        Path check = errors.take(() -> ParameterPaths.outputFile("checkFile", checkFile));
        Path junit = errors.take(() -> ParameterPaths.outputFile("junitFile", junitFile));
        errors.throwIfAny();
        return new CheckOptions(results, base, speed, halt, check, junit);
    }
}
