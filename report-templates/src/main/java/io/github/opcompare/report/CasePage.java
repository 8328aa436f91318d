package io.github.opcompare.report;

import io.github.opcompare.engine.result.Grade;
import java.util.List;

/**
 * What a case page ({@code case.ftlh}) sees, every number formatted. Public because FreeMarker reads
 * it by reflection; not meant for use outside this module. A section whose list is empty or whose
 * plot is null is left out of the page.
 *
 * @param root relative path from the page to the report's root folder
 * @param histogram file name of the ulp-error histogram plot beside the page, or null
 * @param binades file name of the error-against-input plot, or null
 * @param timing file name of the time-against-size plot, or null
 * @param valueColumns the backends in the value tables, in order
 * @param specialsFailures what failed on the special inputs (the reference, a backend), a sentence each;
 *     empty when nothing did
 * @param baseline every change of this case against the baseline; empty without a check report
 * @param machines the machines of a merged file, the columns of {@code acrossMachines}
 * @param acrossMachines one line per backend with a cell per machine; empty for one machine
 * @param versions one line per pair of versions of one library that both ran the case; empty when none
 */
public record CasePage(
        String root,
        String title,
        String id,
        String op,
        String dtype,
        String inputs,
        String size,
        String seed,
        Grade grade,
        String sentence,
        List<BackendRow> backends,
        String histogram,
        List<String> histogramColumns,
        List<HistogramRow> histogramTable,
        String binades,
        String timing,
        List<String> valueColumns,
        List<ValueLine> worst,
        List<ValueLine> sample,
        List<ValueLine> specials,
        List<String> specialsFailures,
        String specialsLegend,
        RelativeError relativeError,
        List<ReproRow> reproducibility,
        List<FitRow> fits,
        List<PairRow> agreement,
        List<DeviceRow> devices,
        List<ChangeRow> baseline,
        List<String> machines,
        List<MachineLine> acrossMachines,
        String generator,
        List<VersionView.Line> versions) {

    /** One backend's accuracy on the case; {@code status} null when it ran. */
    public record BackendRow(String id, String color, Grade grade, String status, String message, String maxUlp,
            String meanUlp, String correctlyRounded, String maxSteps, String undefined, String time, String maxRelative,
            String meanRelative) {

        /** A row without relative error (an elementwise op). */
        public BackendRow(String id, String color, Grade grade, String status, String message, String maxUlp, String meanUlp,
                String correctlyRounded, String maxSteps, String undefined, String time) {
            this(id, color, grade, status, message, maxUlp, meanUlp, correctlyRounded, maxSteps, undefined, time, null, null);
        }
    }

    /**
     * Relative error of a reduction, softmax or matmul, shown beside the ulp error.
     *
     * @param conditionNumber Σ|x_i| / |Σ x_i| (or logsumexp's), formatted; null where the op has none or it is undefined
     */
    public record RelativeError(String conditionNumber) {
    }

    /** The numbers behind the histogram: one count per backend of {@link CasePage#histogramColumns()}. */
    public record HistogramRow(String bin, List<String> counts) {
    }

    /**
     * One element side by side.
     *
     * @param worstOf the backends this element is among the worst of, with their error ("nd4j-cpu: 3.2 ulp")
     */
    public record ValueLine(String index, String inputs, String exact, String expected, List<ValueCell> outputs,
            String worstOf) {
    }

    /**
     * @param differs the value is not the correctly rounded one
     * @param worst the element is among this backend's worst
     */
    public record ValueCell(String text, boolean differs, boolean worst) {
    }

    public record ReproRow(String backend, String runs, boolean reproducible, String distinct, String maxStepSpread,
            String differing, String singleThread) {
    }

    /** The cost model and the thread figures of one backend's timing. */
    public record FitRow(String backend, String color, String largest, String overhead, String perElement,
            String residual, String firstCall, String threads, String notes) {
    }

    public record PairRow(String a, String b, Grade grade, String identical, String maxSteps) {
    }

    public record DeviceRow(String library, String cpu, String gpu, String identical, String maxSteps,
            List<String> speedups) {
    }

    /**
     * One metric against the baseline, every value formatted.
     *
     * @param size the timing's size for speed, else empty
     * @param pValue the Mann-Whitney p-value for speed, else empty
     * @param verdict {@code worse}, {@code better} or {@code unchanged}, the CSS class
     */
    public record ChangeRow(String backend, String subject, String size, String baseline, String current, String change,
            String pValue, String verdict) {
    }

    /** One backend across the machines of a merged file. */
    public record MachineLine(String backend, List<MachineCell> cells) {
    }

    /** @param status null when the backend ran there; else its status ("not run", "skipped") */
    public record MachineCell(Grade grade, String status, String maxUlp, String correctlyRounded, String time) {
    }
}
