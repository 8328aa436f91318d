package io.github.opcompare.report;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.BinadeError;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.CostFit;
import io.github.opcompare.engine.result.DeviceComparison;
import io.github.opcompare.engine.result.Reproducibility;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.UlpBin;
import io.github.opcompare.engine.result.ValueRow;
import io.github.opcompare.engine.result.WorstCase;
import io.github.opcompare.report.CasePage.BackendRow;
import io.github.opcompare.report.CasePage.DeviceRow;
import io.github.opcompare.report.CasePage.FitRow;
import io.github.opcompare.report.CasePage.HistogramRow;
import io.github.opcompare.report.CasePage.PairRow;
import io.github.opcompare.report.CasePage.ReproRow;
import io.github.opcompare.report.CasePage.ValueCell;
import io.github.opcompare.report.CasePage.ValueLine;
import io.github.opcompare.report.chart.BinadeChart;
import io.github.opcompare.report.chart.HistogramChart;
import io.github.opcompare.report.chart.Series;
import io.github.opcompare.report.chart.SvgCharts;
import io.github.opcompare.report.chart.TimingChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one case into its page's model and its plots (SVG documents to write beside the page). */
final class CasePageBuilder {
    /** Elements from the start of the arrays shown in the side-by-side table (as many as the engine keeps). */
    static final int SAMPLE = 16;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;

    /** A page and its plots by file name. */
    record Built(CasePage page, Map<String, String> charts) {
    }

    private final Map<String, Integer> colors;
    private final String generator;
    private final BaselineView baseline;
    private final MachineView machines;

    /** @param colors each backend's place in the run, which picks its colour on every plot */
    CasePageBuilder(Map<String, Integer> colors, String generator, BaselineView baseline, MachineView machines) {
        this.colors = colors;
        this.generator = generator;
        this.baseline = baseline;
        this.machines = machines;
    }

    Built build(CaseResult c, String base) {
        Map<String, String> charts = new LinkedHashMap<>();
        CaseSummary summary = CaseSummary.of(c);
        List<BackendResult> results = list(c.results());

        List<String> histogramColumns = new ArrayList<>();
        List<HistogramRow> histogramTable = new ArrayList<>();
        String histogram = histogram(c, histogramColumns, histogramTable);
        if (histogram != null) {
            charts.put(base + "-histogram.svg", histogram);
        }
        String binades = binades(results);
        if (binades != null) {
            charts.put(base + "-binades.svg", binades);
        }
        String timing = timing(results);
        if (timing != null) {
            charts.put(base + "-timing.svg", timing);
        }

        List<String> valueColumns = valueColumns(c);
        List<ValueLine> worst = new ArrayList<>();
        List<ValueLine> sample = new ArrayList<>();
        List<ValueLine> specials = new ArrayList<>();
        values(c, valueColumns, worst, sample, specials);
        // No section without specials and without sampled special inputs.
        String specialsLegend = specials.isEmpty() ? null : SPECIALS_SAMPLED;
        List<String> specialsFailures = new ArrayList<>();
        if (c.specials() != null) {
            specials.clear();
            specialsLegend = specials(c, valueColumns, specials) + unsupportedSpecials(c.specials());
            specialsFailures = specialsFailures(c.specials());
        }

        CasePage page = new CasePage("..", c.id() + " · " + c.dtype() + " · opcompare", c.id(), c.op(), c.dtype(),
                String.join("; ", list(c.inputs())), Formats.count(c.size()), String.valueOf(c.seed()), summary.grade(),
                summary.sentence(), backendRows(c), histogram == null ? null : base + "-histogram.svg", histogramColumns,
                histogramTable, binades == null ? null : base + "-binades.svg", timing == null ? null : base + "-timing.svg",
                valueColumns, worst, sample, specials, specialsFailures, specialsLegend, relativeError(results), reproducibility(results), fits(results), pairs(c), devices(c),
                baseline.rows(c.label()), machines.names(), machines.across(c), generator, VersionView.forCase(c));
        return new Built(page, charts);
    }

    /** Null for an elementwise op: relative error is reported for reductions, softmax and matmul. */
    private static CasePage.RelativeError relativeError(List<BackendResult> results) {
        for (BackendResult r : results) {
            Accuracy a = r.accuracy();
            if (a != null && a.undefinedRelativeError() != null) {
                // A property of the inputs: every backend carries the same.
                return new CasePage.RelativeError(a.conditionNumber() == null ? null : Formats.relative(a.conditionNumber()));
            }
        }
        return null;
    }

    private List<BackendRow> backendRows(CaseResult c) {
        List<BackendRow> rows = new ArrayList<>();
        for (BackendResult r : list(c.results())) {
            Accuracy a = r.accuracy();
            String time = r.largestTiming() == null ? null
                    : Formats.duration(r.largestTiming().medianNanos()) + " @ " + Formats.count(r.largestTiming().size());
            if (!Status.OK.id().equals(r.status()) || a == null) {
                rows.add(new BackendRow(r.backend(), color(r.backend()), r.grade(), r.status(), r.message(), null, null, null, null,
                        null, time));
                continue;
            }
            boolean relative = a.undefinedRelativeError() != null;
            rows.add(new BackendRow(r.backend(), color(r.backend()), r.grade(), null, null,
                    a.ulpErrorDefined() ? Formats.ulp(a.maxUlp()) : "undefined",
                    a.meanUlp() == null ? "—" : Formats.ulp(a.meanUlp()), Formats.percent(a.correctlyRounded()),
                    a.maxSteps() == null ? "undefined" : Formats.count(a.maxSteps()), Formats.count(a.undefinedUlp()), time,
                    !relative ? null : a.maxRelativeError() != null ? Formats.relative(a.maxRelativeError())
                            : a.undefinedRelativeError() > 0 ? "∞" : "—",
                    !relative ? null : a.meanRelativeError() == null ? "—" : Formats.relative(a.meanRelativeError())));
        }
        return rows;
    }

    /** Bars in percent of each backend's outputs, bins up to the highest any backend reached, NaN/∞ last. */
    private String histogram(CaseResult c, List<String> columns, List<HistogramRow> table) {
        List<BackendResult> with = new ArrayList<>();
        int bins = 0;
        boolean undefined = false;
        for (BackendResult r : list(c.results())) {
            Accuracy a = r.accuracy();
            if (a != null && a.histogram() != null) {
                with.add(r);
                bins = Math.max(bins, a.histogram().size());
                undefined |= a.undefinedUlp() > 0;
            }
        }
        if (with.isEmpty()) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        List<UlpBin> longest = null;
        for (BackendResult r : with) {
            if (r.accuracy().histogram().size() == bins) {
                longest = r.accuracy().histogram();
            }
        }
        for (UlpBin b : longest) {
            labels.add(binLabel(b));
        }
        if (undefined) {
            labels.add("NaN/∞");
        }
        long[][] counts = new long[with.size()][labels.size()];
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < with.size(); k++) {
            Accuracy a = with.get(k).accuracy();
            List<UlpBin> h = a.histogram();
            long total = a.undefinedUlp();
            for (int i = 0; i < h.size(); i++) {
                counts[k][i] = h.get(i).count();
                total += h.get(i).count();
            }
            if (undefined) {
                counts[k][labels.size() - 1] = a.undefinedUlp();
            }
            double[] x = new double[labels.size()];
            double[] y = new double[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                x[i] = i;
                y[i] = total == 0 ? 0 : 100.0 * counts[k][i] / total;
            }
            String id = with.get(k).backend();
            columns.add(id);
            series.add(new Series(id, colorIndex(id), x, y));
        }
        for (int i = 0; i < labels.size(); i++) {
            List<String> row = new ArrayList<>();
            for (int k = 0; k < with.size(); k++) {
                row.add(Formats.count(counts[k][i]));
            }
            table.add(new HistogramRow(labels.get(i), row));
        }
        return HistogramChart.svg(labels, series, WIDTH, HEIGHT);
    }

    /** "0", "≤0.5", "≤1", "≤2", …, "≤2^20" once the bound is long to write. */
    static String binLabel(UlpBin b) {
        if (b.hi() == 0) {
            return "0";
        }
        if (b.hi() == 0.5) {
            return "≤0.5";
        }
        if (b.hi() <= 1024) {
            return "≤" + (long) b.hi();
        }
        return "≤2^" + Math.getExponent(b.hi());
    }

    private String binades(List<BackendResult> results) {
        List<Series> series = new ArrayList<>();
        for (BackendResult r : results) {
            if (r.accuracy() == null || r.accuracy().binades() == null) {
                continue;
            }
            List<BinadeError> bins = r.accuracy().binades().stream().filter(b -> b.exponent() != null).toList();
            if (bins.isEmpty()) {
                continue;
            }
            double[] x = new double[bins.size()];
            double[] y = new double[bins.size()];
            for (int i = 0; i < bins.size(); i++) {
                x[i] = bins.get(i).exponent();
                y[i] = bins.get(i).maxUlp() == null ? Double.NaN : bins.get(i).maxUlp();
            }
            series.add(new Series(r.backend(), colorIndex(r.backend()), x, y));
        }
        return series.isEmpty() ? null : BinadeChart.svg(series, WIDTH, HEIGHT);
    }

    private String timing(List<BackendResult> results) {
        List<Series> measured = new ArrayList<>();
        List<Series> fitted = new ArrayList<>();
        for (BackendResult r : results) {
            List<SizeTiming> t = list(r.timing());
            if (t.isEmpty()) {
                continue;
            }
            double[] x = new double[t.size()];
            double[] y = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                x[i] = t.get(i).size();
                y[i] = t.get(i).medianNanos();
            }
            measured.add(new Series(r.backend(), colorIndex(r.backend()), x, y));
            CostFit fit = r.fit();
            if (fit != null && t.size() >= 2) {
                // The model drawn smoothly over the measured range: 24 points spaced evenly on the log axis.
                int n = 24;
                double lo = Math.log(x[0]);
                double hi = Math.log(x[x.length - 1]);
                double[] fx = new double[n];
                double[] fy = new double[n];
                for (int i = 0; i < n; i++) {
                    fx[i] = Math.exp(lo + (hi - lo) * i / (n - 1));
                    fy[i] = fit.overheadNanos() + fx[i] * fit.nanosPerElement();
                }
                fitted.add(new Series(r.backend(), colorIndex(r.backend()), fx, fy));
            }
        }
        return measured.isEmpty() ? null : TimingChart.svg(measured, fitted, WIDTH, HEIGHT);
    }

    /** The backends that have values in the side-by-side rows, in the case's order. */
    private static List<String> valueColumns(CaseResult c) {
        Set<String> ids = new LinkedHashSet<>();
        List<ValueRow> rows = list(c.values());
        if (!rows.isEmpty()) {
            for (BackendResult r : list(c.results())) {
                if (rows.get(0).outputs() != null && rows.get(0).outputs().containsKey(r.backend())) {
                    ids.add(r.backend());
                }
            }
            return new ArrayList<>(ids);
        }
        for (BackendResult r : list(c.results())) {
            if (r.accuracy() != null && !list(r.accuracy().worst()).isEmpty()) {
                ids.add(r.backend());
            }
        }
        return new ArrayList<>(ids);
    }

    private void values(CaseResult c, List<String> columns, List<ValueLine> worst, List<ValueLine> sample,
            List<ValueLine> specials) {
        Map<String, Map<Long, WorstCase>> worstByBackend = new LinkedHashMap<>();
        for (BackendResult r : list(c.results())) {
            if (r.accuracy() != null) {
                Map<Long, WorstCase> m = new LinkedHashMap<>();
                list(r.accuracy().worst()).forEach(w -> m.put(w.index(), w));
                worstByBackend.put(r.backend(), m);
            }
        }
        List<ValueRow> rows = list(c.values());
        if (rows.isEmpty()) {
            // Results written before the side-by-side values: each backend's worst, with only its own output.
            for (Map.Entry<String, Map<Long, WorstCase>> e : worstByBackend.entrySet()) {
                for (WorstCase w : e.getValue().values()) {
                    List<ValueCell> cells = new ArrayList<>();
                    for (String col : columns) {
                        cells.add(col.equals(e.getKey()) ? new ValueCell(w.actual(), !w.actual().equals(w.expected()), true)
                                : new ValueCell("", false, false));
                    }
                    worst.add(new ValueLine(Formats.count(w.index()), String.join(", ", list(w.inputs())), w.exact(),
                            w.expected(), cells, e.getKey() + ": " + errorText(w)));
                }
            }
            return;
        }
        for (ValueRow row : rows) {
            Set<String> worstOf = new LinkedHashSet<>(list(row.worstOf()));
            List<ValueCell> cells = new ArrayList<>();
            for (String col : columns) {
                String v = row.outputs() == null ? null : row.outputs().get(col);
                cells.add(new ValueCell(v == null ? "" : v, v != null && !v.equals(row.expected()), worstOf.contains(col)));
            }
            List<String> notes = new ArrayList<>();
            for (String b : worstOf) {
                WorstCase w = worstByBackend.getOrDefault(b, Map.of()).get(row.index());
                notes.add(b + (w == null ? "" : ": " + errorText(w)));
            }
            ValueLine line = new ValueLine(Formats.count(row.index()), String.join(", ", list(row.inputs())), row.exact(),
                    row.expected(), cells, String.join("; ", notes));
            if (!worstOf.isEmpty()) {
                worst.add(line);
            }
            if (row.index() < SAMPLE) {
                sample.add(line);
            }
            if (list(row.inputs()).stream().anyMatch(x -> special(x, c.dtype()))) {
                specials.add(line);
            }
        }
    }

    static final String SPECIALS_SAMPLED = "Elements whose input is ±0, ±∞, NaN or subnormal; a mismatch with the"
            + " correctly rounded result is flagged.";

    /**
     * The case's special inputs (issue 3's specials) against the result IEEE 754 / C99 Annex F prescribe.
     * A unary op has 15 and all are listed; a binary op has 225 pairs, of which only those some backend
     * gets wrong are listed; a reduction, softmax or matmul has a few special vectors, all listed, a row
     * per output where there are several.
     *
     * @return the legend saying what is listed
     */
    private static String specials(CaseResult c, List<String> columns, List<ValueLine> lines) {
        Specials specials = c.specials();
        List<SpecialValue> all = specials.rows();
        if (all.isEmpty()) {
            return "No special input could be judged.";
        }
        boolean vectors = all.get(0).inputs().get(0).vector();
        boolean binary = !vectors && all.get(0).inputs().size() > 1;
        long wrong = all.stream().filter(s -> !s.mismatches().isEmpty()).count();
        for (int i = 0; i < all.size(); i++) {
            SpecialValue s = all.get(i);
            if (binary && s.mismatches().isEmpty()) {
                continue;
            }
            List<ValueCell> cells = new ArrayList<>();
            for (String col : columns) {
                String v = s.actual().get(col);
                SpecialsOutcome outcome = specials.outcome(col);
                // No result where the backend failed: say so, an empty cell would read as "not run".
                String text = v != null ? v : outcome == null ? "" : outcome.isFailed() ? "failed" : outcome.isUnsupported() ? "unsupported" : "";
                cells.add(new ValueCell(text, s.mismatches().contains(col), false));
            }
            String inputs = s.inputs().size() == 2 && vectors ? "A = " + s.inputs().get(0).text() + ", B = " + s.inputs().get(1).text()
                    : s.inputsText();
            lines.add(new ValueLine(s.output() == null ? String.valueOf(i) : i + " (output " + s.output() + ")", inputs, "",
                    s.expected(), cells, ""));
        }
        String judged = specials.referenceFailed() ? " of the inputs the reference settled," : "";
        if (vectors) {
            return "The " + all.size() + " results of special vectors (NaN, ±∞, ±0, and the largest finite value where a naive"
                    + " evaluation overflows but the exact result does not) against the result IEEE 754-2019 arithmetic"
                    + " prescribes in any order of evaluation, correctly rounded (the \"Correctly rounded\" column);"
                    + (c.op().equals("matmul") ? " matrices are 2 × 2, row-major;" : "")
                    + (c.op().equals("softmax") ? " a vector holding +∞ is left out: its softmax is ∞/∞ or ∞ - ∞, which"
                            + " IEEE arithmetic leaves undefined;" : "")
                    + judged + " " + wrong + " of them got a different result from at least one backend that answered, flagged ≠.";
        }
        String what = binary ? all.size() + " pairs of special inputs" : all.size() + " special inputs";
        return "The " + what + " (±0, ±smallest and ±largest subnormal, ±smallest normal, ±1, ±largest finite,"
                + " ±∞, NaN) against the result IEEE 754 and C99 Annex F prescribe (the \"Correctly rounded\" column); "
                + wrong + " of them got a different result from at least one backend that answered, flagged ≠"
                + (binary ? "; only those are listed." : ".");
    }

    /** The backends that take no special inputs (a recording of other inputs), for the legend: not judged on them. */
    static String unsupportedSpecials(Specials specials) {
        StringBuilder text = new StringBuilder();
        if (specials.backends() != null) {
            specials.backends().forEach((backend, outcome) -> {
                if (outcome.isUnsupported()) {
                    text.append(' ').append(backend).append(" does not take them (").append(outcome.firstLine()).append("): not judged on them.");
                }
            });
        }
        return text.toString();
    }

    /**
     * A sentence for the reference and for each backend that failed on the special inputs: their rows are
     * missing or incomplete, so no count of mismatches is the whole story (and the check fails such a limit).
     */
    static List<String> specialsFailures(Specials specials) {
        List<String> lines = new ArrayList<>();
        if (specials.referenceFailed()) {
            lines.add("The exact reference failed on special inputs (" + specials.reference().firstLine() + "): their prescribed"
                    + " results are unknown and their rows are missing, so no backend's special mismatches can be counted.");
        }
        if (specials.backends() != null) {
            specials.backends().forEach((backend, outcome) -> {
                if (outcome.isFailed()) {
                    lines.add(backend + " failed on special inputs (" + outcome.firstLine() + "): it has no result where it failed,"
                            + " so its special mismatches cannot be counted.");
                }
            });
        }
        return lines;
    }

    private static String errorText(WorstCase w) {
        if (w.ulp() == null) {
            return "NaN/∞ mismatch";
        }
        return Formats.ulp(w.ulp()) + " ulp" + (w.steps() == null ? "" : ", " + Formats.count(w.steps())
                + (w.steps() == 1 ? " step" : " steps"));
    }

    /** ±0, ±∞, NaN and subnormals: the inputs where libraries take shortcuts. */
    static boolean special(String value, String dtype) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return false;
        }
        double minNormal;
        try {
            minNormal = io.github.opcompare.worker.dtype.DType.of(dtype).minNormal();
        } catch (IllegalArgumentException unknownDtype) {
            // A results.json from a newer version may name a dtype this one lacks: no subnormal marking then.
            minNormal = 0;
        }
        return v == 0 || !Double.isFinite(v) || Math.abs(v) < minNormal;
    }

    private static List<ReproRow> reproducibility(List<BackendResult> results) {
        List<ReproRow> rows = new ArrayList<>();
        for (BackendResult r : results) {
            Reproducibility p = r.reproducibility();
            if (p == null) {
                continue;
            }
            rows.add(new ReproRow(r.backend(), String.valueOf(p.runs()), p.reproducible(), String.valueOf(p.distinctResults()),
                    Formats.count(p.maxStepSpread()), Formats.count(p.differingElements()),
                    p.singleThreadIdentical() == null ? "not run" : p.singleThreadIdentical() ? "identical" : "differs"));
        }
        return rows;
    }

    private List<FitRow> fits(List<BackendResult> results) {
        List<FitRow> rows = new ArrayList<>();
        for (BackendResult r : results) {
            SizeTiming largest = r.largestTiming();
            if (largest == null) {
                continue;
            }
            CostFit f = r.fit();
            String threads = null;
            if (r.threads() != null) {
                threads = r.threads().count() + (r.threads().count() == 1 ? " thread" : " threads");
                if (r.threads().speedup() != null && r.threads().size() != null) {
                    threads += ", " + CaseSummary.ratio(r.threads().speedup()) + " of one thread's speed at "
                            + Formats.count(r.threads().size());
                }
            }
            rows.add(new FitRow(r.backend(), color(r.backend()),
                    Formats.duration(largest.medianNanos()) + " @ " + Formats.count(largest.size())
                            + " (95% CI " + Formats.duration(largest.ciLowNanos()) + "–" + Formats.duration(largest.ciHighNanos()) + ")",
                    f == null ? "—" : Formats.duration(f.overheadNanos()),
                    f == null ? "—" : Formats.duration(f.nanosPerElement()),
                    f == null ? "—" : Formats.percent(f.maxRelativeResidual()),
                    r.firstCallNanos() == null ? "—" : Formats.duration(r.firstCallNanos()),
                    threads, r.timingNotes() == null ? null : String.join("; ", r.timingNotes())));
        }
        return rows;
    }

    private static List<PairRow> pairs(CaseResult c) {
        List<PairRow> rows = new ArrayList<>();
        for (Agreement g : list(c.agreement())) {
            rows.add(new PairRow(g.a(), g.b(), g.grade(), Formats.percent(g.identical()),
                    g.maxSteps() == null ? "NaN against a number" : Formats.count(g.maxSteps())));
        }
        return rows;
    }

    private static List<DeviceRow> devices(CaseResult c) {
        List<DeviceRow> rows = new ArrayList<>();
        for (DeviceComparison d : list(c.devices())) {
            List<String> speedups = new ArrayList<>();
            for (DeviceComparison.Speedup s : list(d.speedups())) {
                speedups.add(Formats.count(s.size()) + ": CPU " + Formats.duration(s.cpuMedianNanos()) + ", GPU "
                        + Formats.duration(s.gpuMedianNanos()) + " → " + CaseSummary.ratio(s.speedup()));
            }
            rows.add(new DeviceRow(d.library(), d.cpu(), d.gpu(), Formats.percent(d.identical()),
                    d.maxSteps() == null ? "NaN against a number" : Formats.count(d.maxSteps()), speedups));
        }
        return rows;
    }

    private int colorIndex(String backend) {
        return colors.getOrDefault(backend, colors.size());
    }

    private String color(String backend) {
        return SvgCharts.css(colorIndex(backend));
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
