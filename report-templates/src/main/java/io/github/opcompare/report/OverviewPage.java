package io.github.opcompare.report;

import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.Grade;
import java.util.List;

/**
 * What the overview template ({@code index.ftlh}) sees: every number already formatted, every
 * colour already decided, so that the template only lays out. Public because FreeMarker reads it
 * by reflection; not meant for use outside this module.
 *
 * @param root relative path from the page to the report's root folder ("." for index.html)
 * @param partial the banner of an interrupted run ("Partial results: 2 of 4 cases finished; missing: ..."),
 *     null when complete
 * @param check what the check goal found (check.json), null when it has not run
 * @param machines the machines of a merged results file; empty for one machine
 * @param versions versions of one library side by side, read as upgrades; empty when none ran
 */
public record OverviewPage(
        String root,
        String title,
        Verdict verdict,
        boolean complete,
        String partial,
        String resultsFile,
        String csvFile,
        List<Column> backends,
        List<CaseRow> cases,
        List<Column> pairs,
        List<AgreementRow> agreement,
        List<Note> notes,
        List<BackendInfo> backendTable,
        List<Entry> environment,
        String generator,
        boolean hasGpu,
        CheckBanner check,
        List<MachineRow> machines,
        List<VersionView.Pair> versions) {

    /** The one-line answer at the top of the page. */
    public record Verdict(Grade grade, String headline, String detail) {
    }

    /** A column of a matrix: a backend, or a pair of backends. */
    public record Column(String id, String label, String title) {
    }

    /**
     * One case: its page, its verdict in a sentence, a cell per backend, and the agreement and speed
     * columns. The {@code *Sort} fields are plain numbers for the page's column sorting.
     *
     * @param gpu the CPU-against-GPU comparison in words; null when no library ran on both devices
     */
    public record CaseRow(String id, String op, String dtype, String size, String inputs, List<Cell> cells,
            String href, Grade grade, String sentence, String agreement, String agreementSort, String fastest,
            String fastestSort, String gpu) {
    }

    /**
     * One backend on one case.
     *
     * @param status null when ok, otherwise the status to show in place of numbers
     * @param note footnote number of the message explaining the status, or null
     * @param title details on hover
     * @param changes what moved against the baseline; empty without one
     */
    public record Cell(
            Grade grade,
            String status,
            String maxUlp,
            String correctlyRounded,
            String time,
            String extra,
            Integer note,
            String title,
            String sort,
            List<ChangeMark> changes) {
    }

    /**
     * A mark on a cell: what got worse (or better) than the baseline.
     *
     * @param direction {@code worse} or {@code better}, the CSS class
     * @param text the first change, "▼ maxUlp +500%", and how many more
     * @param title every change of that direction
     */
    public record ChangeMark(String direction, String text, String title) {
    }

    /**
     * The check's outcome above the matrix.
     *
     * @param summary "2 worse, 1 better against the baseline"; null without a baseline
     * @param baseline the baseline file; null without one
     * @param speed whether speed was compared, and why not; null without a baseline
     */
    public record CheckBanner(Grade grade, String headline, String summary, String baseline, String speed,
            List<String> violations, List<String> notes) {
    }

    /** One machine of a merged file, its environment in words. */
    public record MachineRow(String name, String cpu, String cores, String memory, String gpus, String java, String os,
            String backends) {
    }

    public record AgreementRow(String caseId, String dtype, List<AgreementCell> cells) {
    }

    /**
     * @param identical null when the pair was not compared on this case
     * @param maxSteps the largest distance in words ("max 2 steps apart")
     */
    public record AgreementCell(Grade grade, String identical, String maxSteps, String title) {
    }

    /**
     * A message that explains cells without numbers, listed under the matrix.
     *
     * @param caseId the first case it explains
     * @param cases how many cases it explains
     */
    public record Note(int number, String caseId, String backend, String status, String message, int cases) {
    }

    public record Entry(String label, String value) {
    }
}
