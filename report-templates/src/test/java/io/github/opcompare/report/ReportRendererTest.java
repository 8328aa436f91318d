package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.result.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {

    @TempDir
    Path dir;

    private String render() throws IOException {
        Path json = dir.resolve("in/results.json");
        ResultsJson.write(Fixtures.results(), json);
        Path index = new ReportRenderer().render(Fixtures.results(), json, dir.resolve("out"));
        assertEquals(dir.resolve("out/index.html"), index);
        return Files.readString(index, StandardCharsets.UTF_8);
    }

    @Test
    void caseIdWithMarkupRendersAsText() throws IOException {
        String html = render();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), "no inline script may reach the page");
        assertEquals(1, html.split("<script", -1).length - 1, "only the report's own script file");
        assertTrue(html.contains("<script src=\"./assets/opcompare.js\" defer></script>"), html);
        // Messages go into title attributes as well: quotes must not end the attribute.
        assertTrue(html.contains("float64 exp: &quot;not on GPU&quot; &lt;sic&gt;"), html);
    }

    @Test
    void cellShowsMaxUlpShareCorrectlyRoundedAndTime() throws IOException {
        String html = render();
        String tf = cell(html, "sqrt-f32", 1);
        assertTrue(tf.contains("g-close"), tf); // 1.5 ulp: within 4 ulp
        assertTrue(tf.contains("1.50<small> ulp</small>"), tf);
        assertTrue(tf.contains("98.77% CR"), tf);
        assertTrue(tf.contains("12.3 µs"), tf);
        String jdk = cell(html, "sqrt-f32", 0);
        assertTrue(jdk.contains("g-exact"), jdk);
        assertTrue(jdk.contains("100% CR"), jdk);
        assertTrue(jdk.contains("1.50 ms"), jdk);
        assertTrue(cell(html, "&lt;script&gt;alert(1)&lt;/script&gt;", 1).contains("g-far"), "12 ulp is red");
    }

    @Test
    void skippedBackendShowsItsStatusAndMessageInsteadOfNumbers() throws IOException {
        String html = render();
        String gpu = cell(html, "sqrt-f32", 2);
        assertTrue(gpu.contains("g-none"), gpu);
        assertTrue(gpu.contains(">skipped<"), gpu);
        assertTrue(gpu.contains("title=\"skipped: backend not available: no CUDA device\""), gpu);
        assertFalse(gpu.contains("ulp"), gpu);
        assertTrue(html.contains("<li id=\"note-1\" value=\"1\"><strong>nd4j-gpu</strong> on <strong>sqrt-f32</strong>, skipped: backend not available: no CUDA device</li>"), html);
        String failed = cell(html, "log-f32", 0);
        assertTrue(failed.contains("g-failed") && failed.contains(">failed<"), failed);
    }

    @Test
    void nanMismatchIsRedAndSaysSo() throws IOException {
        String tf = cell(render(), "log-f32", 1);
        assertTrue(tf.contains("g-far"), tf);
        assertTrue(tf.contains("undefined<small> ulp</small>"), tf);
        assertTrue(tf.contains("3 NaN/∞ mismatches"), tf);
        assertTrue(tf.contains("2.50 s"), tf);
    }

    @Test
    void verdictNamesTheWorstResult() throws IOException {
        String html = render();
        assertTrue(html.contains("3 of 5 results not correctly rounded; worst: NaN where a number was expected (tf-cpu on log-f32)."), html);
        assertTrue(html.contains("1 failed"), html);
    }

    @Test
    void agreementBackendsAndEnvironmentAreShown() throws IOException {
        String index = render();
        assertTrue(index.contains("jdk ↔ tf-cpu"), index);
        assertTrue(index.contains("98.77%<small> identical</small>"), index);
        assertTrue(index.contains("max 24 steps"), index);
        assertTrue(index.contains("href=\"environment.html\""), index);
        String html = Files.readString(dir.resolve("out/environment.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<td>no CUDA device</td>"), html);
        assertTrue(html.contains("AMD EPYC 7B13 &quot;Milan&quot;"), html);
        assertTrue(html.contains("64.0 GiB"), html);
    }

    @Test
    void folderIsSelfContainedWithRelativeLinks() throws IOException {
        String html = render();
        Path out = dir.resolve("out");
        assertTrue(Files.isRegularFile(out.resolve("assets/opcompare.css")));
        assertEquals(Files.readString(dir.resolve("in/results.json")), Files.readString(out.resolve("results.json")));
        assertTrue(html.contains("href=\"./assets/opcompare.css\""), html);
        assertTrue(html.contains("href=\"results.json\" download"), html);
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("src=\"//"), "no remote resources");
    }

    @Test
    void withoutSourceFileTheResultsAreWrittenAfresh() throws IOException {
        Path out = dir.resolve("fresh");
        new ReportRenderer().render(Fixtures.results(), null, out);
        Results back = ResultsJson.read(out.resolve("results.json"));
        assertEquals(3, back.cases().size());
    }

    @Test
    void numbersDoNotFollowTheBuildMachinesLocale() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String html = render();
            assertTrue(html.contains("1.50<small> ulp</small>"), html);
            assertTrue(html.contains("1,048,576"), html);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void anInterruptedRunSaysHowManyCasesFinishedAndWhichAreMissing() throws IOException {
        Results full = Fixtures.results();
        Results partial = new Results(full.schema(), full.opcompareVersion(), false, full.environment(), full.backends(),
                full.cases().subList(0, 2), java.util.List.of("log-f32/float32", "tanh/float64"));
        Path json = dir.resolve("partial/results.json");
        ResultsJson.write(partial, json);
        Path index = new ReportRenderer().render(ResultsJson.read(json), json, dir.resolve("partial-out"));
        String html = Files.readString(index, StandardCharsets.UTF_8);
        assertTrue(html.contains("<p class=\"warning partial\">Partial results: 2 of 4 cases finished; missing: "
                + "log-f32/float32, tanh/float64. The run was interrupted or is still writing.</p>"), html);
        assertFalse(render().contains("Partial results"), "a complete run has no banner");
    }

    @Test
    void partialResultsWrittenBeforeTheMissingListStillSayTheyArePartial() throws IOException {
        Results full = Fixtures.results();
        Results old = new Results(full.schema(), full.opcompareVersion(), false, full.environment(), full.backends(),
                full.cases().subList(0, 1));
        String html = Files.readString(new ReportRenderer().render(old, null, dir.resolve("old-out")), StandardCharsets.UTF_8);
        assertTrue(html.contains("Partial results: 1 case finished; the run was interrupted or is still writing, so some cases may be missing."), html);
    }

    /** The HTML of the {@code column}-th backend cell in the row whose case id is {@code caseId}. */
    private static String cell(String html, String caseId, int column) {
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
