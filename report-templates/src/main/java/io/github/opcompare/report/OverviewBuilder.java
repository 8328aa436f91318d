package io.github.opcompare.report;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Grade;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.report.OverviewPage.AgreementCell;
import io.github.opcompare.report.OverviewPage.AgreementRow;
import io.github.opcompare.report.OverviewPage.CaseRow;
import io.github.opcompare.report.OverviewPage.Cell;
import io.github.opcompare.report.OverviewPage.ChangeMark;
import io.github.opcompare.report.OverviewPage.Column;
import io.github.opcompare.report.OverviewPage.Entry;
import io.github.opcompare.report.OverviewPage.Note;
import io.github.opcompare.report.OverviewPage.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns results into the overview page's model: formats numbers, numbers the notes; the grades are the results' own. */
final class OverviewBuilder {
    private final Results results;
    private final String resultsFile;
    private final String csvFile;
    private final CaseFiles files;
    private final BaselineView baseline;
    private final List<Note> notes = new ArrayList<>();

    OverviewBuilder(Results results, String resultsFile) {
        this(results, resultsFile, null, new CaseFiles(results.cases() == null ? List.of() : results.cases()),
                BaselineView.of(null));
    }

    OverviewBuilder(Results results, String resultsFile, String csvFile, CaseFiles files, BaselineView baseline) {
        this.results = Objects.requireNonNull(results, "results");
        this.resultsFile = resultsFile;
        this.csvFile = csvFile;
        this.files = files;
        this.baseline = baseline;
    }

    OverviewPage build() {
        List<String> backendIds = backendIds();
        Map<String, BackendInfo> infos = new LinkedHashMap<>();
        for (BackendInfo info : list(results.backends())) {
            infos.putIfAbsent(info.id(), info);
        }
        List<Column> backendColumns = new ArrayList<>();
        for (String id : backendIds) {
            BackendInfo info = infos.get(id);
            String title = info == null ? id : join(" · ", info.library(), info.version(), info.device());
            backendColumns.add(new Column(id, id, title));
        }

        List<CaseRow> rows = new ArrayList<>();
        for (CaseResult c : list(results.cases())) {
            List<Cell> cells = new ArrayList<>();
            for (String backend : backendIds) {
                cells.add(cell(c, find(c, backend), backend));
            }
            CaseSummary summary = CaseSummary.of(c);
            rows.add(new CaseRow(c.id(), c.op(), c.dtype(), Formats.count(c.size()),
                    String.join(", ", list(c.inputs())), cells, files.page(c), summary.grade(), summary.sentence(),
                    summary.agreement() == null ? null : agreementShort(summary.minIdentical()),
                    summary.minIdentical() == null ? "2" : String.valueOf(summary.minIdentical()),
                    summary.fastest(), summary.fastestNanos() == null ? "Infinity" : String.valueOf(summary.fastestNanos()),
                    summary.gpu()));
        }

        List<String> pairKeys = pairKeys();
        List<Column> pairColumns = new ArrayList<>();
        for (String key : pairKeys) {
            String[] ab = key.split("\u0000", 2);
            pairColumns.add(new Column(key, ab[0] + " ↔ " + ab[1], ab[0] + " against " + ab[1]));
        }
        List<AgreementRow> agreementRows = new ArrayList<>();
        for (CaseResult c : list(results.cases())) {
            if (list(c.agreement()).isEmpty()) {
                continue;
            }
            List<AgreementCell> cells = new ArrayList<>();
            for (String key : pairKeys) {
                cells.add(agreementCell(c, key));
            }
            agreementRows.add(new AgreementRow(c.id(), c.dtype(), cells));
        }

        boolean hasGpu = list(results.cases()).stream().anyMatch(c -> !list(c.devices()).isEmpty());
        return new OverviewPage(".", "opcompare report", verdict(), results.complete(), partial(), resultsFile, csvFile,
                backendColumns, rows, pairColumns, agreementRows, List.copyOf(notes), list(results.backends()),
                environment(), generator(), hasGpu, baseline.banner(), new MachineView(results).machines(),
                VersionView.of(results, files::page));
    }

    /** The agreement column: the least-agreeing pair's share of bit-identical outputs. */
    private static String agreementShort(Double minIdentical) {
        return minIdentical >= 1 ? "identical" : Formats.percent(minIdentical) + " identical";
    }

    private Cell cell(CaseResult c, BackendResult r, String backend) {
        List<ChangeMark> marks = baseline.marks(c.label(), backend);
        if (r == null) {
            return new Cell(Grade.NONE, "not run", null, null, null, null, null,
                    backend + " has no result for this case", "-1", marks);
        }
        Status status = Status.of(r.status());
        if (status != Status.OK) {
            Integer note = null;
            if (r.message() != null && !r.message().isBlank()) {
                note = note(c.id(), backend, r.status(), r.message());
            }
            String title = r.status() + (r.message() == null ? "" : ": " + r.message());
            return new Cell(r.grade(), r.status(),
                    null, null, time(r.largestTiming()), null, note, title, "-1", marks);
        }
        Accuracy a = r.accuracy();
        if (a == null) {
            return new Cell(r.grade(), null, null, null, time(r.largestTiming()), "no accuracy measured", null,
                    "timed only", "-1", marks);
        }
        String maxUlp = a.ulpErrorDefined() ? Formats.ulp(a.maxUlp()) : "undefined";
        String extra = a.undefinedUlp() > 0
                ? Formats.count(a.undefinedUlp()) + " NaN/∞ mismatch" + (a.undefinedUlp() == 1 ? "" : "es")
                : null;
        List<String> title = new ArrayList<>();
        if (a.meanUlp() != null) {
            title.add("mean " + Formats.ulp(a.meanUlp()) + " ulp");
        }
        if (a.maxSteps() != null) {
            title.add("max " + Formats.count(a.maxSteps()) + " steps from correctly rounded");
        }
        title.add(Formats.count(a.notCorrectlyRounded()) + " of " + Formats.count(c.size()) + " not correctly rounded");
        SizeTiming largest = r.largestTiming();
        if (largest != null) {
            title.add("median of " + largest.samples() + " samples at " + Formats.count(largest.size()) + " elements");
        }
        if (r.fit() != null) {
            title.add("cost ≈ " + Formats.duration(r.fit().overheadNanos()) + " per call + "
                    + Formats.duration(r.fit().nanosPerElement()) + " per element");
        }
        // Sorting puts undefined errors (NaN against a number) above every finite one.
        String sort = String.valueOf(a.maxUlpOrInfinity());
        return new Cell(r.grade(), null, maxUlp, Formats.percent(a.correctlyRounded()), time(r.largestTiming()), extra, null,
                String.join("; ", title), sort, marks);
    }

    /**
     * Numbers a note, once per backend, status and message: an unavailable backend skips every
     * case with the same words, and the reader needs them once, not once per row.
     */
    private int note(String caseId, String backend, String status, String message) {
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            if (n.backend().equals(backend) && n.status().equals(status) && n.message().equals(message)) {
                notes.set(i, new Note(n.number(), n.caseId(), backend, status, message, n.cases() + 1));
                return n.number();
            }
        }
        notes.add(new Note(notes.size() + 1, caseId, backend, status, message, 1));
        return notes.size();
    }

    private AgreementCell agreementCell(CaseResult c, String key) {
        for (Agreement g : list(c.agreement())) {
            if (pairKey(g).equals(key)) {
                String steps = g.maxSteps() == null ? "NaN against a number"
                        : "max " + Formats.count(g.maxSteps()) + (g.maxSteps() == 1 ? " step" : " steps") + " apart";
                return new AgreementCell(g.grade(), Formats.percent(g.identical()), steps,
                        g.a() + " and " + g.b() + ": " + Formats.percent(g.identical()) + " bit-identical; " + steps);
            }
        }
        return new AgreementCell(Grade.NONE, null, null, "not compared");
    }

    private Verdict verdict() {
        int ok = 0;
        int exact = 0;
        int failed = 0;
        int notRun = 0;
        BackendResult worst = null;
        CaseResult worstCase = null;
        List<BackendResult> all = new ArrayList<>();
        for (CaseResult c : list(results.cases())) {
            for (BackendResult r : list(c.results())) {
                all.add(r);
                Status status = Status.of(r.status());
                if (status == Status.FAILED) {
                    failed++;
                    continue;
                }
                if (status != Status.OK) {
                    notRun++;
                    continue;
                }
                if (r.accuracy() == null) {
                    continue;
                }
                ok++;
                if (r.accuracy().grade() == Grade.EXACT) {
                    exact++;
                }
                if (worst == null || r.accuracy().maxUlpOrInfinity() > worst.accuracy().maxUlpOrInfinity()) {
                    worst = r;
                    worstCase = c;
                }
            }
        }
        List<String> detail = new ArrayList<>();
        detail.add(Formats.count(list(results.cases()).size()) + " cases on " + backendIds().size() + " backends");
        if (failed > 0) {
            detail.add(failed + " failed");
        }
        if (notRun > 0) {
            detail.add(notRun + " skipped or unsupported");
        }
        if (!results.complete()) {
            detail.add("run incomplete");
        }
        String headline;
        if (ok == 0) {
            headline = "No accuracy results to judge.";
        } else if (exact == ok) {
            headline = "Correctly rounded everywhere: all " + ok + " results within 0.5 ulp.";
        } else {
            Accuracy a = worst.accuracy();
            String worstText = a.ulpErrorDefined() ? Formats.ulp(a.maxUlp()) + " ulp" : "NaN where a number was expected";
            headline = (ok - exact) + " of " + ok + " results not correctly rounded; worst: "
                    + worstText + " (" + worst.backend() + " on " + worstCase.id() + ").";
        }
        return new Verdict(Grade.worstOf(all), headline, String.join(" · ", detail));
    }

    /** The banner line of an interrupted run, or null when the run is complete. */
    private String partial() {
        if (results.complete()) {
            return null;
        }
        int finished = list(results.cases()).size();
        List<String> missing = results.missingOrEmpty();
        if (missing.isEmpty()) {
            return "Partial results: " + finished + " case" + (finished == 1 ? "" : "s")
                    + " finished; the run was interrupted or is still writing, so some cases may be missing.";
        }
        int shown = Math.min(missing.size(), 20);
        String names = String.join(", ", missing.subList(0, shown))
                + (missing.size() > shown ? " and " + (missing.size() - shown) + " more" : "");
        return "Partial results: " + finished + " of " + (finished + missing.size()) + " cases finished; missing: " + names
                + ". The run was interrupted or is still writing.";
    }

    List<Entry> environment() {
        List<Entry> entries = new ArrayList<>();
        Environment e = results.environment();
        if (e != null) {
            add(entries, "Operating system", join(" ", e.os(), e.osVersion()));
            add(entries, "Architecture", e.arch());
            add(entries, "CPU", e.cpuModel());
            add(entries, "Cores", e.cores() > 0 ? String.valueOf(e.cores()) : null);
            add(entries, "CPU frequency", e.cpuMaxMhz() == null ? null : Math.round(e.cpuMaxMhz()) + " MHz");
            add(entries, "Frequency governor", e.cpuGovernor());
            add(entries, "Memory", e.memoryBytes() > 0 ? Formats.bytes(e.memoryBytes()) : null);
            for (Environment.Gpu gpu : list(e.gpus())) {
                add(entries, "GPU", join(", ", gpu.name(), gpu.computeCapability() == null ? null : "compute capability " + gpu.computeCapability(),
                        gpu.memoryBytes() == null ? null : Formats.bytes(gpu.memoryBytes()),
                        gpu.driverVersion() == null ? null : "driver " + gpu.driverVersion()));
            }
            add(entries, "Java", join(" ", e.java(), e.javaVendor() == null ? null : "(" + e.javaVendor() + ")"));
            add(entries, "JVM flags", e.javaFlags());
            add(entries, "Maven", e.maven());
            add(entries, "Host", e.hostname());
            add(entries, "Run at", e.timestamp());
            add(entries, "Reference first pass", firstPass(e.referenceFirstPass()));
        }
        add(entries, "opcompare", results.opcompareVersion());
        add(entries, "Schema", results.schema());
        return entries;
    }

    /** "exp, log, sin: Math; cos, tan: StrictMath": the functions grouped by where they came from. */
    static String firstPass(Map<String, String> sources) {
        if (sources == null || sources.isEmpty()) {
            return null;
        }
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        sources.forEach((op, source) -> bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(op));
        List<String> parts = new ArrayList<>();
        bySource.forEach((source, ops) -> parts.add(String.join(", ", ops) + ": " + source));
        return String.join("; ", parts);
    }

    private String generator() {
        return "opcompare" + (results.opcompareVersion() == null ? "" : " " + results.opcompareVersion());
    }

    /** Backends as listed in the run, then any that only appear in case results. */
    private List<String> backendIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (BackendInfo info : list(results.backends())) {
            ids.add(info.id());
        }
        for (CaseResult c : list(results.cases())) {
            for (BackendResult r : list(c.results())) {
                ids.add(r.backend());
            }
        }
        return new ArrayList<>(ids);
    }

    private List<String> pairKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (CaseResult c : list(results.cases())) {
            for (Agreement g : list(c.agreement())) {
                keys.add(pairKey(g));
            }
        }
        return new ArrayList<>(keys);
    }

    private static String pairKey(Agreement g) {
        return g.a() + "\u0000" + g.b();
    }

    private static BackendResult find(CaseResult c, String backend) {
        for (BackendResult r : list(c.results())) {
            if (Objects.equals(r.backend(), backend)) {
                return r;
            }
        }
        return null;
    }

    /** The median at the largest size timed, with that size, so that cells of one row compare like with like. */
    private static String time(SizeTiming t) {
        return t == null ? null : Formats.duration(t.medianNanos()) + " @ " + Formats.size(t.size());
    }

    private static void add(List<Entry> entries, String label, String value) {
        if (value != null && !value.isBlank()) {
            entries.add(new Entry(label, value));
        }
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
