package io.github.opcompare.plugin;

import io.github.opcompare.engine.check.CheckJson;
import io.github.opcompare.engine.check.CheckReport;
import io.github.opcompare.engine.config.ParameterErrors;
import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.config.ParameterValues;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.report.ReportRenderer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Renders target/opcompare/results.json as HTML: standalone with {@code mvn opcompare:report}, or
 * as an entry under "Project Reports" when the plugin is listed in {@code <reporting>}.
 *
 * <p>An external report: it writes its own folder of HTML and never touches the Doxia sink the
 * site hands it. That is what keeps one jar working under maven-site-plugin 3.12 (Doxia 1,
 * maven-reporting-api 3) and 3.20+ (Doxia 2, maven-reporting-api 4): the site plugin lends its own
 * {@code org.apache.maven.reporting} and {@code org.apache.maven.doxia.sink} classes to the report,
 * both versions call {@link #generate(org.apache.maven.doxia.sink.Sink, SinkFactory, Locale)},
 * whose erased signature is the same in both, and the single-page {@code generate} overloads of
 * either API version are present so that neither finds an abstract method.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenMultiPageReport {
    /** Folder of the report inside the site; also the first part of {@link #getOutputName()}. */
    private static final String FOLDER = "opcompare";

    /** The results to show, as written by the compare goal. */
    @Parameter(property = "opcompare.resultsFile", defaultValue = "${project.build.directory}/opcompare/results.json")
    private File resultsFile;

    /**
     * What the check goal found (violations, notes, changes against the baseline), shown on the
     * overview and the case pages. A missing file, or one older than the results, leaves the check out.
     */
    @Parameter(property = "opcompare.checkFile", defaultValue = "${project.build.directory}/opcompare/check.json")
    private File checkFile;

    /**
     * Folder the report is written into (index.html is its first page). Used by
     * {@code mvn opcompare:report}; under {@code mvn site} the report goes to the site's own
     * folder, in {@code opcompare/}.
     */
    @Parameter(property = "opcompare.reportOutputDirectory",
            defaultValue = "${project.reporting.outputDirectory}/" + FOLDER)
    private File outputDirectory;

    /** Skips the report. */
    @Parameter(property = "opcompare.skip", defaultValue = "false")
    private String skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (Skip.requested(skip)) {
            getLog().info("opcompare report skipped (opcompare.skip)");
            return;
        }
        if (!resultsFile.isFile()) {
            throw new MojoFailureException("No opcompare results at " + resultsFile
                    + ": run the compare goal first (mvn verify, or mvn opcompare:compare), then opcompare:report;"
                    + " or point -Dopcompare.resultsFile at a results.json");
        }
        try {
            checkParameters();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
        try {
            Path index = render();
            getLog().info("opcompare report: " + index.toUri());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the opcompare report from " + resultsFile + ": "
                    + e.getMessage(), e);
        }
    }

    /** skip, the folder written into and check.json, before anything is written. */
    private void checkParameters() {
        ParameterErrors errors = new ParameterErrors();
        errors.check(() -> ParameterValues.flag("skip", skip));
        errors.check(() -> ParameterPaths.outputFolder("reportOutputDirectory", outputDirectory.toPath()));
        errors.check(() -> ParameterPaths.optionalFile("checkFile", checkFile.toPath()));
        errors.throwIfAny();
    }

    private Path render() throws IOException {
        Results results = ResultsJson.read(resultsFile.toPath());
        return new ReportRenderer().render(results, resultsFile.toPath(), outputDirectory.toPath(), check());
    }

    /** check.json, or null where there is none that speaks of these results. */
    private CheckReport check() throws IOException {
        if (checkFile == null || !checkFile.isFile()) {
            return null;
        }
        // Written before the results (compare ran again without check): its changes would be about other numbers.
        if (checkFile.lastModified() < resultsFile.lastModified()) {
            getLog().info("opcompare report: " + checkFile + " is older than " + resultsFile
                    + "; the check is left out of the report (run opcompare:check to bring it up to date)");
            return null;
        }
        return CheckJson.read(checkFile.toPath());
    }

    /** The call both site plugin generations make; the sink is left alone (external report). */
    @Override
    public void generate(org.apache.maven.doxia.sink.Sink sink, SinkFactory sinkFactory, Locale locale)
            throws MavenReportException {
        generateExternal();
    }

    /** Single-page API of maven-reporting-api 4 (Doxia 2). Not called by the site plugin for a multi-page report. */
    public void generate(org.apache.maven.doxia.sink.Sink sink, Locale locale) throws MavenReportException {
        generateExternal();
    }

    /** Single-page API of maven-reporting-api 3 (Doxia 1). Not called by the site plugin for a multi-page report. */
    @Override
    @SuppressWarnings("deprecation")
    public void generate(org.codehaus.doxia.sink.Sink sink, Locale locale) throws MavenReportException {
        generateExternal();
    }

    private void generateExternal() throws MavenReportException {
        if (!canGenerateReport()) {
            return;
        }
        try {
            checkParameters();
        } catch (IllegalArgumentException e) {
            throw new MavenReportException("opcompare configuration error: " + e.getMessage(), e);
        }
        try {
            render();
        } catch (IOException e) {
            throw new MavenReportException("Cannot write the opcompare report from " + resultsFile + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean canGenerateReport() {
        boolean skipped;
        try {
            skipped = Skip.requested(skip);
        } catch (MojoFailureException e) {
            return true; // generate() tells the mistake; the site does not call it for a report that cannot be generated
        }
        if (skipped) {
            getLog().info("opcompare report skipped (opcompare.skip)");
            return false;
        }
        if (!resultsFile.isFile()) {
            getLog().info("No opcompare report: no results at " + resultsFile
                    + " (run mvn verify or mvn opcompare:compare before mvn site)");
            return false;
        }
        return true;
    }

    @Override
    public String getOutputName() {
        return FOLDER + "/index";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "opcompare";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Accuracy, agreement and speed of math ops across TensorFlow Java, ND4J, NumPy and the JDK.";
    }

    /** The site passes its root folder (per locale); the report lives in its own folder below it. */
    @Override
    public void setReportOutputDirectory(File directory) {
        outputDirectory = directory == null || FOLDER.equals(directory.getName())
                ? directory
                : new File(directory, FOLDER);
    }

    /** The folder index.html is written into. */
    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }
}
