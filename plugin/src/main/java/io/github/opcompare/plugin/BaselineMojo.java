package io.github.opcompare.plugin;

import io.github.opcompare.engine.config.CheckOptions;
import io.github.opcompare.engine.config.ParameterErrors;
import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.result.Results;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records the current results as the baseline that the check goal compares with: a file to commit.
 * Run it after compare ({@code mvn verify opcompare:baseline}) when the current state is the one to
 * keep.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractMojo {

    /** The results to record, as written by the compare goal. */
    @Parameter(property = "opcompare.resultsFile", defaultValue = "${project.build.directory}/opcompare/results.json")
    private File resultsFile;

    /** Where the baseline is written; commit it. */
    @Parameter(property = "opcompare.baseline", defaultValue = "${project.basedir}/src/opcompare/baseline.json")
    private File baseline;

    /** Skips recording. */
    @Parameter(property = "opcompare.skip", defaultValue = "false")
    private String skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (Skip.requested(skip)) {
            getLog().info("opcompare: baseline skipped (opcompare.skip)");
            return;
        }
        try {
            ParameterErrors errors = new ParameterErrors();
            errors.check(() -> ParameterPaths.existingFile("resultsFile", resultsFile.toPath(), CheckOptions.RESULTS_HINT));
            errors.check(() -> ParameterPaths.outputFile("baseline", baseline.toPath()));
            errors.throwIfAny();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
        Results results;
        try {
            results = ResultsJson.read(resultsFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare cannot read " + resultsFile + ": " + e.getMessage(), e);
        }
        if (!results.complete()) {
            // A baseline missing cases would let their regressions pass unseen.
            throw new MojoFailureException("opcompare: " + resultsFile + " is partial (missing " + results.missingOrEmpty()
                    + "); run compare to the end before recording a baseline");
        }
        try {
            ResultsJson.write(results, baseline.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare could not write the baseline " + baseline + ": " + e.getMessage(), e);
        }
        getLog().info("opcompare: baseline of " + results.cases().size() + " case" + (results.cases().size() == 1 ? "" : "s")
                + " recorded in " + baseline + "; commit it, and the check goal compares with it");
    }
}
