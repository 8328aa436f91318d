package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.check.BaselineComparison;
import io.github.opcompare.engine.check.Change;
import io.github.opcompare.engine.check.CheckReport;
import io.github.opcompare.engine.check.Verdict;
import io.github.opcompare.engine.check.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's outcome and the changes against the baseline, on the overview and the case pages. */
class BaselineReportTest {
    private static final String HOSTILE_NOTE = "case <b onmouseover=\"x()\">new</b>/float32 is not in the baseline";

    @TempDir
    Path dir;

    /**
     * Fixtures.results() against a baseline where TensorFlow's sqrt was correctly rounded (0.5 ulp, 100%)
     * and the JDK slower (2 ms); the hostile case had 0 steps where it now has 24.
     */
    static CheckReport check(boolean speedCompared, List<String> notes) {
        String sqrt = "sqrt-f32/float32";
        String hostile = Fixtures.HOSTILE_ID + "/float64";
        List<Change> changes = List.of(
                new Change(sqrt, "tf-cpu", "maxUlp", null, 0.5, 1.5, 2.0, null, Verdict.WORSE),
                new Change(sqrt, "tf-cpu", "correctlyRounded", null, 1.0, 0.987654, -0.012346, null, Verdict.WORSE),
                new Change(sqrt, "jdk", "medianNanos", 1_048_576L, 2_000_000.0, 1_500_000.0, -0.25, 0.0012, Verdict.BETTER),
                new Change(sqrt, "tf-cpu", "medianNanos", 1_048_576L, 12_000.0, 12_360.0, 0.03, 0.41, Verdict.UNCHANGED),
                new Change(hostile, "tf-cpu", "maxSteps", null, 0.0, 24.0, null, null, Verdict.WORSE));
        List<Violation> regressions = List.of(
                new Violation(sqrt, "tf-cpu", "maxUlp", "1.5", "the baseline has 0.5", "baseline"),
                new Violation(hostile, "tf-cpu", "maxSteps", "24", "the baseline has 0", "baseline"));
        BaselineComparison comparison = new BaselineComparison(changes, regressions, notes, speedCompared);
        return new CheckReport(CheckReport.SCHEMA, "target/opcompare/results.json", "src/opcompare/baseline.json", false,
                regressions, notes, comparison);
    }

    private String render(CheckReport check, String page) throws IOException {
        new ReportRenderer().render(Fixtures.results(), null, dir, check);
        return Files.readString(dir.resolve(page), StandardCharsets.UTF_8);
    }

    @Test
    void bannerCountsWorseAndBetterNamesTheBaselineAndListsViolationsAndNotes() throws IOException {
        String html = render(check(true, List.of(HOSTILE_NOTE)), "index.html");
        assertTrue(html.contains("The check failed: 2 violations."), html);
        // Three metrics got worse (tf-cpu maxUlp and correctlyRounded, the hostile case's maxSteps); one timing better.
        assertTrue(html.contains("3 worse, 1 better against the baseline <code>src/opcompare/baseline.json</code>."), html);
        assertTrue(html.contains("Speed compared"), html);
        assertTrue(html.contains("<li>case sqrt-f32/float32 backend tf-cpu: maxUlp is 1.5, but the baseline has 0.5</li>"), html);
        assertTrue(html.contains("<li>case &lt;script&gt;alert(1)&lt;/script&gt;/float64 backend tf-cpu: maxSteps is 24, "
                + "but the baseline has 0</li>"), html);
        assertTrue(html.contains("<li>case &lt;b onmouseover=&quot;x()&quot;&gt;new&lt;/b&gt;/float32 is not in the baseline</li>"), html);
        assertFalse(html.contains("<b onmouseover"), "a note is text, not markup");
    }

    @Test
    void speedNotComparedSaysWhyOnce() throws IOException {
        String why = "speed not compared: the baseline was recorded on Intel Xeon with 8 cores, this run is on AMD EPYC with 16 cores";
        String html = render(check(false, List.of(why)), "index.html");
        assertTrue(html.contains("Speed not compared: the baseline was recorded on Intel Xeon with 8 cores, this run is on AMD EPYC "
                + "with 16 cores."), html);
        assertEquals(1, html.split("recorded on Intel Xeon", -1).length - 1, "the reason is in the banner, not again in the notes");
    }

    @Test
    void cellsAreMarkedWhereAMetricMoved() throws IOException {
        String html = render(check(true, List.of()), "index.html");
        // tf-cpu on sqrt: maxUlp 0.5 -> 1.5 is +200%, and one more metric got worse.
        String tf = cell(html, "sqrt-f32", 1);
        assertTrue(tf.contains("<span class=\"chg worse\" title=\"worse than the baseline: maxUlp 0.50 ulp → 1.50 ulp (+200%); "
                + "correctlyRounded 100% → 98.77% (-1.2%)\">▼ maxUlp +200% +1</span>"), tf);
        assertFalse(tf.contains("chg better"), "its timing did not change significantly: " + tf);
        // jdk on sqrt: 2 ms -> 1.5 ms is 25% faster.
        String jdk = cell(html, "sqrt-f32", 0);
        assertTrue(jdk.contains("<span class=\"chg better\" title=\"better than the baseline: medianNanos at 1,048,576 2.00 ms → "
                + "1.50 ms (-25.0%), p = 0.0012\">▲ time @ 1,048,576 -25.0%</span>"), jdk);
        // From 0 steps there is no relative change: both values instead.
        assertTrue(cell(html, "&lt;script&gt;alert(1)&lt;/script&gt;", 1).contains("▼ maxSteps 0 → 24</span>"), html);
        assertFalse(cell(html, "log-f32", 1).contains("chg"), "nothing changed on log");
    }

    @Test
    void casePageListsEveryChangeOfTheCase() throws IOException {
        String html = render(check(true, List.of()), "cases/sqrt-f32-float32.html");
        assertTrue(html.contains("<h2>Against the baseline</h2>"), html);
        List<String> rows = rows(html);
        assertEquals(4, rows.size(), String.join("\n", rows));
        assertEquals(List.of("tf-cpu", "maxUlp", "", "0.50 ulp", "1.50 ulp", "+200%", "", "worse"), cells(rows.get(0)));
        assertEquals(List.of("tf-cpu", "correctlyRounded", "", "100%", "98.77%", "-1.2%", "", "worse"), cells(rows.get(1)));
        assertEquals(List.of("jdk", "medianNanos", "1,048,576", "2.00 ms", "1.50 ms", "-25.0%", "0.0012", "better"), cells(rows.get(2)));
        assertEquals(List.of("tf-cpu", "medianNanos", "1,048,576", "12.0 µs", "12.4 µs", "+3.0%", "0.41", "unchanged"),
                cells(rows.get(3)));
    }

    @Test
    void withoutACheckThereIsNoBannerAndNoSection() throws IOException {
        String index = render(null, "index.html");
        assertFalse(index.contains("id=\"check\""), index);
        assertFalse(index.contains("chg "), index);
        String page = Files.readString(dir.resolve("cases/sqrt-f32-float32.html"), StandardCharsets.UTF_8);
        assertFalse(page.contains("Against the baseline"), page);
    }

    @Test
    void aPassingCheckWithoutBaselineSaysSo() throws IOException {
        CheckReport passed = new CheckReport(CheckReport.SCHEMA, "results.json", null, true, List.of(), List.of(), null);
        String html = render(passed, "index.html");
        assertTrue(html.contains("The check passed."), html);
        assertFalse(html.contains("against the baseline"), html);
    }

    private static List<String> rows(String html) {
        Matcher m = Pattern.compile("<tr class=\"chg-row [\\s\\S]*?</tr>").matcher(html);
        List<String> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(m.group());
        }
        return rows;
    }

    /** The text of each cell, tags removed. */
    private static List<String> cells(String row) {
        Matcher m = Pattern.compile("<td[^>]*>([\\s\\S]*?)</td>").matcher(row);
        List<String> cells = new java.util.ArrayList<>();
        while (m.find()) {
            cells.add(m.group(1).replaceAll("<[^>]+>", "").trim());
        }
        return cells;
    }

    /** The HTML of the {@code column}-th backend cell in the overview row of {@code caseId}. */
    static String cell(String html, String caseId, int column) {
        int row = html.indexOf(">" + caseId + "</a>");
        assertTrue(row >= 0, "row " + caseId);
        String rest = html.substring(row, html.indexOf("</tr>", row));
        Matcher m = Pattern.compile("<td class=\"cell[\\s\\S]*?</td>").matcher(rest);
        for (int i = 0; i <= column; i++) {
            assertTrue(m.find(), "cell " + column + " of " + caseId);
        }
        return m.group();
    }
}
