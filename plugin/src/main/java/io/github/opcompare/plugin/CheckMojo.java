package io.github.opcompare.plugin;

import io.github.opcompare.engine.check.BaselineComparer;
import io.github.opcompare.engine.check.BaselineComparison;
import io.github.opcompare.engine.check.Change;
import io.github.opcompare.engine.check.CheckJson;
import io.github.opcompare.engine.check.CheckReport;
import io.github.opcompare.engine.check.JUnitXml;
import io.github.opcompare.engine.check.RuleChecker;
import io.github.opcompare.engine.check.RuleParser;
import io.github.opcompare.engine.check.Verdict;
import io.github.opcompare.engine.check.Violation;
import io.github.opcompare.engine.config.CheckOptions;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.result.Results;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The build gate: checks results.json against rules (limits on accuracy, agreement, reproducibility
 * and speed) and, when a baseline file exists, against the baseline. Writes check.json and a JUnit
 * XML report; fails the build on a violation unless {@code haltOnFailure} is false.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The results to check, as written by the compare goal (or merge). */
    @Parameter(property = "opcompare.resultsFile", defaultValue = "${project.build.directory}/opcompare/results.json")
    private File resultsFile;

    /** Rules: which ops, dtypes and backends (default all), and the limits their results must keep. */
    @Parameter
    private List<Rule> rules;

    /** Baseline to compare with, as recorded by the baseline goal; not compared when the file does not exist. */
    @Parameter(property = "opcompare.baseline", defaultValue = "${project.basedir}/src/opcompare/baseline.json")
    private File baseline;

    /**
     * Smallest slow-down of a median against the baseline that fails the build ({@code 10%}), when the
     * Mann-Whitney U test on the samples also finds it significant at 0.01.
     */
    @Parameter(property = "opcompare.minSpeedChange", defaultValue = "10%")
    private String minSpeedChange;

    /** Fails the build on a violation; false turns violations into warnings. */
    @Parameter(property = "opcompare.haltOnFailure", defaultValue = "true")
    private String haltOnFailure;

    /** What the check found, for the report and scripts. */
    @Parameter(property = "opcompare.checkFile", defaultValue = "${project.build.directory}/opcompare/check.json")
    private File checkFile;

    /** The same as JUnit XML (surefire's format), for CI servers. */
    @Parameter(property = "opcompare.junitFile", defaultValue = "${project.build.directory}/opcompare/TEST-opcompare.xml")
    private File junitFile;

    /** Skips the check. */
    @Parameter(property = "opcompare.skip", defaultValue = "false")
    private String skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (Skip.requested(skip)) {
            getLog().info("opcompare: check skipped (opcompare.skip)");
            return;
        }
        CheckOptions options;
        try {
            options = CheckOptions.of(resultsFile.toPath(), baseline.toPath(), minSpeedChange, haltOnFailure, checkFile.toPath(),
                    junitFile.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
        Results results = read(resultsFile);
        RuleChecker.RuleOutcome outcome;
        try {
            // The rules name ops, dtypes and backends, which are checked against the results they judge.
            outcome = RuleChecker.check(results, RuleParser.parse(Rule.toSpecs(rules), results));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
        BaselineComparer comparer = new BaselineComparer(options.minSpeedChange());
        BaselineComparison comparison = null;
        if (baseline.isFile()) {
            comparison = comparer.compare(read(baseline), results);
            logComparison(comparison);
        } else {
            getLog().info("opcompare: no baseline at " + baseline + " (mvn opcompare:baseline records one)");
        }
        CheckReport report = CheckReport.of(resultsFile.getPath(), comparison == null ? null : baseline.getPath(), outcome, comparison);
        try {
            CheckJson.write(report, checkFile.toPath());
            JUnitXml.write(results, report, junitFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare could not write " + checkFile + " or " + junitFile + ": " + e.getMessage(), e);
        }
        report.notes().forEach(n -> getLog().info("opcompare: " + n));
        List<Violation> violations = report.violations();
        if (violations.isEmpty()) {
            getLog().info("opcompare: all checks passed (" + (rules == null ? 0 : rules.size()) + " rule"
                    + (rules != null && rules.size() == 1 ? "" : "s") + (comparison == null ? "" : ", baseline") + ")");
            return;
        }
        String head = "opcompare: " + violations.size() + " check" + (violations.size() == 1 ? "" : "s") + " failed";
        List<String> lines = violations.stream().map(Violation::message).toList();
        if (options.haltOnFailure()) {
            throw new MojoFailureException(head + ":\n" + String.join("\n", lines));
        }
        getLog().warn(head + " (haltOnFailure is false):");
        lines.forEach(getLog()::warn);
    }

    private void logComparison(BaselineComparison comparison) {
        long worse = comparison.changes().stream().filter(c -> c.verdict() == Verdict.WORSE).count();
        long better = comparison.changes().stream().filter(c -> c.verdict() == Verdict.BETTER).count();
        getLog().info("opcompare: against the baseline " + baseline + ": " + worse + " worse, " + better + " better"
                + (comparison.speedCompared() ? "" : " (speed not compared)"));
        for (Change c : comparison.changes()) {
            if (c.verdict() == Verdict.BETTER) {
                getLog().info("opcompare:   better: case " + c.caseLabel() + " backend " + c.backend() + ": " + c.subject()
                        + (c.size() == null ? "" : " at size " + c.size()) + " " + c.baseline() + " -> " + c.current());
            }
        }
    }

    private static Results read(File file) throws MojoExecutionException {
        try {
            return ResultsJson.read(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
