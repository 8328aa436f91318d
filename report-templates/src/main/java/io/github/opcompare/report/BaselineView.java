package io.github.opcompare.report;

import io.github.opcompare.engine.check.BaselineComparison;
import io.github.opcompare.engine.check.Change;
import io.github.opcompare.engine.check.CheckReport;
import io.github.opcompare.engine.check.Verdict;
import io.github.opcompare.engine.check.Violation;
import io.github.opcompare.engine.result.Grade;
import io.github.opcompare.report.CasePage.ChangeRow;
import io.github.opcompare.report.OverviewPage.ChangeMark;
import io.github.opcompare.report.OverviewPage.CheckBanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the check goal found (check.json), as the report shows it: a banner on the overview, a mark
 * on each overview cell whose metrics moved against the baseline, and a table per case page. Built
 * from a null report too, so that the pages need no special case: then there is nothing to show.
 */
final class BaselineView {
    private static final String SPEED_NOTE = "speed not compared";
    /** The subject of a speed change (Metric.MEDIAN_NANOS's id, a constant here for the switch). */
    private static final String MEDIAN = "medianNanos";

    private final CheckReport report;
    private final List<Change> changes;

    private BaselineView(CheckReport report) {
        this.report = report;
        BaselineComparison comparison = report == null ? null : report.baselineComparison();
        this.changes = comparison == null || comparison.changes() == null ? List.of() : comparison.changes();
    }

    /** @param report check.json as read, or null when the check goal has not written one */
    static BaselineView of(CheckReport report) {
        return new BaselineView(report);
    }

    /** The overview's banner; null without a check report. */
    CheckBanner banner() {
        if (report == null) {
            return null;
        }
        List<String> violations = list(report.violations()).stream().map(Violation::message).toList();
        List<String> notes = new ArrayList<>(list(report.notes()));
        BaselineComparison comparison = report.baselineComparison();
        String summary = null;
        String speed = null;
        if (comparison != null) {
            long worse = count(Verdict.WORSE);
            long better = count(Verdict.BETTER);
            summary = worse + " worse, " + better + " better against the baseline";
            if (comparison.speedCompared()) {
                speed = "Speed compared: the baseline was recorded on the same kind of machine.";
            } else {
                // The comparer says why in a note; show it here once rather than twice.
                String why = notes.stream().filter(n -> n.startsWith(SPEED_NOTE)).findFirst().orElse(null);
                notes.remove(why);
                speed = why == null ? "Speed not compared: the baseline was recorded on another machine."
                        : "S" + why.substring(1) + ".";
            }
        }
        Grade grade = !violations.isEmpty() ? Grade.FAR : count(Verdict.WORSE) > 0 ? Grade.CLOSE : Grade.EXACT;
        String headline = report.passed() ? "The check passed" : "The check failed: " + violations.size()
                + (violations.size() == 1 ? " violation" : " violations");
        return new CheckBanner(grade, headline, summary, report.baseline(), speed, violations, notes);
    }

    /** The marks of one overview cell: at most one for what got worse and one for what got better. */
    List<ChangeMark> marks(String caseLabel, String backend) {
        List<ChangeMark> marks = new ArrayList<>();
        for (Verdict v : List.of(Verdict.WORSE, Verdict.BETTER)) {
            List<Change> these = changes.stream()
                    .filter(c -> c.verdict() == v && c.caseLabel().equals(caseLabel) && c.backend().equals(backend))
                    .toList();
            if (these.isEmpty()) {
                continue;
            }
            String more = these.size() > 1 ? " +" + (these.size() - 1) : "";
            String arrow = v == Verdict.WORSE ? "▼ " : "▲ ";
            List<String> all = these.stream().map(BaselineView::longText).toList();
            marks.add(new ChangeMark(v.name().toLowerCase(Locale.ROOT), arrow + shortText(these.get(0)) + more,
                    v.name().toLowerCase(Locale.ROOT) + " than the baseline: " + String.join("; ", all)));
        }
        return marks;
    }

    /** Every change of one case ({@code id/dtype}), in the comparer's order. */
    List<ChangeRow> rows(String caseLabel) {
        List<ChangeRow> rows = new ArrayList<>();
        for (Change c : changes) {
            if (!c.caseLabel().equals(caseLabel)) {
                continue;
            }
            rows.add(new ChangeRow(c.backend(), c.subject(), c.size() == null ? "" : Formats.count(c.size()),
                    value(c.subject(), c.baseline()), value(c.subject(), c.current()),
                    c.relativeChange() == null ? "—" : Formats.change(c.relativeChange()),
                    c.pValue() == null ? "" : Formats.pValue(c.pValue()),
                    c.verdict() == null ? "" : c.verdict().name().toLowerCase(Locale.ROOT)));
        }
        return rows;
    }

    private long count(Verdict v) {
        return changes.stream().filter(c -> c.verdict() == v).count();
    }

    /** "maxUlp +500%", "time @ 1,000 +12.0%", or "maxSteps 0 → 3" where a relative change is undefined. */
    private static String shortText(Change c) {
        String subject = MEDIAN.equals(c.subject()) ? "time @ " + Formats.size(c.size() == null ? 0 : c.size()) : c.subject();
        if (c.relativeChange() != null) {
            return subject + " " + Formats.change(c.relativeChange());
        }
        return subject + " " + value(c.subject(), c.baseline()) + " → " + value(c.subject(), c.current());
    }

    private static String longText(Change c) {
        String subject = c.size() == null ? c.subject() : c.subject() + " at " + Formats.count(c.size());
        return subject + " " + value(c.subject(), c.baseline()) + " → " + value(c.subject(), c.current())
                + (c.relativeChange() == null ? "" : " (" + Formats.change(c.relativeChange()) + ")")
                + (c.pValue() == null ? "" : ", p = " + Formats.pValue(c.pValue()));
    }

    /** A metric's value as the rest of the report writes it; null is a value the engine could not define. */
    static String value(String subject, Double v) {
        if (v == null) {
            return "undefined";
        }
        return switch (subject == null ? "" : subject) {
            case "maxUlp", "meanUlp" -> Formats.ulp(v) + " ulp";
            case "correctlyRounded" -> Formats.percent(v);
            case "maxSteps", "specialMismatches" -> Formats.count(v.longValue());
            case "reproducible" -> v >= 1 ? "yes" : "no";
            case MEDIAN -> Formats.duration(v);
            default -> subject.startsWith("agreement") ? Formats.percent(v) : String.valueOf(v);
        };
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
