package io.github.opcompare.report;

import io.github.opcompare.engine.merge.QualifiedBackend;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Versions of one library side by side ({@code tensorflow-cpu@1.0.0} and {@code tensorflow-cpu@1.1.0},
 * {@code numpy@1.24.2} and {@code numpy@2.4.6}, or the project's {@code nd4j-cpu} and {@code nd4j-cpu@1.0.0-M2.1}),
 * read as an upgrade: per pair, which cases changed their bits, by how much, and what that did to the
 * error against the exact result. Public because FreeMarker reads it by reflection.
 */
public final class VersionView {
    /**
     * One pair of versions over the whole run.
     *
     * @param headline "3 of 14 cases changed: exp/float32, …" or "all 14 cases bit-identical"
     */
    public record Pair(String older, String newer, String olderVersion, String newerVersion, String headline, List<Line> cases) {
    }

    /**
     * One case for one pair.
     *
     * @param href the case page, from the report's root; null on the case page itself
     * @param changed whether any output differs in its bits
     * @param identical share of bit-identical outputs, formatted
     * @param steps the largest distance in representable values ("—" when one is NaN where the other is not)
     * @param olderUlp the older version's max ulp error; newerUlp the newer's
     * @param change the case in words: "same bits", or how far the outputs moved and the error with them
     */
    public record Line(String older, String newer, String caseLabel, String href, boolean changed, String identical, String steps,
            String olderUlp, String newerUlp, String change) {
    }

    private VersionView() {
    }

    /** Every pair of versions of one library on one machine, in the order the backends ran. */
    static List<String[]> pairs(List<String> backendIds) {
        Map<String, List<String>> byLibrary = new LinkedHashMap<>();
        for (String id : backendIds) {
            QualifiedBackend q = QualifiedBackend.parse(id);
            byLibrary.computeIfAbsent(q.catalogId() + "@@" + q.machine(), k -> new ArrayList<>()).add(id);
        }
        List<String[]> pairs = new ArrayList<>();
        for (List<String> versions : byLibrary.values()) {
            for (int i = 0; i < versions.size(); i++) {
                for (int j = i + 1; j < versions.size(); j++) {
                    pairs.add(new String[] {versions.get(i), versions.get(j)});
                }
            }
        }
        return pairs;
    }

    /** The overview's section: one table per pair, one line per case both versions ran. */
    static List<Pair> of(Results results, Function<CaseResult, String> href) {
        List<Pair> out = new ArrayList<>();
        List<String> ids = results.backends() == null ? List.of() : results.backends().stream().map(BackendInfo::id).toList();
        for (String[] pair : pairs(ids)) {
            List<Line> lines = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (CaseResult c : results.cases() == null ? List.<CaseResult>of() : results.cases()) {
                Line line = line(c, pair[0], pair[1], href.apply(c));
                if (line != null) {
                    lines.add(line);
                    if (line.changed()) {
                        changed.add(line.caseLabel());
                    }
                }
            }
            String headline = lines.isEmpty() ? "no case ran on both"
                    : changed.isEmpty() ? "all " + lines.size() + " case" + (lines.size() == 1 ? "" : "s") + " bit-identical"
                    : changed.size() + " of " + lines.size() + " case" + (lines.size() == 1 ? "" : "s") + " changed: " + String.join(", ", changed);
            out.add(new Pair(pair[0], pair[1], version(results, pair[0]), version(results, pair[1]), headline, lines));
        }
        return out;
    }

    /** The case page's section: one line per pair of versions that both ran the case. */
    static List<Line> forCase(CaseResult c) {
        List<Line> lines = new ArrayList<>();
        for (String[] pair : pairs(c.results() == null ? List.of() : c.results().stream().map(BackendResult::backend).toList())) {
            Line line = line(c, pair[0], pair[1], null);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Line line(CaseResult c, String older, String newer, String href) {
        Agreement agreement = agreement(c, older, newer);
        if (agreement == null) {
            return null; // not both ran it (unsupported, failed, skipped)
        }
        BackendResult a = result(c, older);
        BackendResult b = result(c, newer);
        String olderUlp = ulp(a);
        String newerUlp = ulp(b);
        boolean changed = agreement.identical() < 1;
        String steps = agreement.maxSteps() == null ? "—" : Formats.count(agreement.maxSteps());
        String change;
        if (!changed) {
            change = "same bits";
        } else {
            change = Formats.percent(1 - agreement.identical()) + " of outputs changed, "
                    + (agreement.maxSteps() == null ? "some to or from NaN/∞" : "by up to " + steps + " step" + (agreement.maxSteps() == 1 ? "" : "s"))
                    + "; max ulp " + olderUlp + " → " + newerUlp;
        }
        return new Line(older, newer, c.id() + "/" + c.dtype(), href, changed, Formats.percent(agreement.identical()), steps, olderUlp,
                newerUlp, change);
    }

    private static Agreement agreement(CaseResult c, String x, String y) {
        for (Agreement g : c.agreement() == null ? List.<Agreement>of() : c.agreement()) {
            if ((g.a().equals(x) && g.b().equals(y)) || (g.a().equals(y) && g.b().equals(x))) {
                return g;
            }
        }
        return null;
    }

    private static BackendResult result(CaseResult c, String backend) {
        for (BackendResult r : c.results() == null ? List.<BackendResult>of() : c.results()) {
            if (r.backend().equals(backend)) {
                return r;
            }
        }
        return null;
    }

    private static String ulp(BackendResult r) {
        return r == null || r.accuracy() == null || r.accuracy().maxUlp() == null ? "—" : Formats.ulp(r.accuracy().maxUlp());
    }

    private static String version(Results results, String id) {
        for (BackendInfo b : results.backends()) {
            if (b.id().equals(id)) {
                return b.version() == null ? "" : b.version();
            }
        }
        return "";
    }
}
