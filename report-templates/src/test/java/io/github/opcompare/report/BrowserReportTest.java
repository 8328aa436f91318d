package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens a rendered report in headless Chromium, as a reader would: the overview and a case page
 * must render with no console error, no failed load, and plots that are really drawn; screenshots
 * go to target/screenshots. On CI (CI=true) Chromium is required and its absence fails the test;
 * elsewhere the test is skipped with the reason.
 *
 * <p>{@code -Dopcompare.browser.report=DIR} opens an existing report folder instead of the
 * fixture's (e.g. example/target/site/opcompare after {@code mvn -f example/pom.xml verify site}).
 */
class BrowserReportTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Path chromium;

    @BeforeAll
    static void needsChromium() {
        chromium = DevToolsBrowser.find();
        if (chromium == null) {
            String hint = "Chromium not found (looked for $OPCOMPARE_CHROMIUM, then chromium, chromium-browser, google-chrome "
                    + "on the PATH); install Debian's chromium to run the browser test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(hint + ". It is required on CI (CI=true).");
            }
            Assumptions.abort(hint + ". Skipped.");
        }
    }

    @Test
    void overviewAndCasePageRenderWithoutErrorsAndShowTheirPlots() throws Exception {
        String external = System.getProperty("opcompare.browser.report");
        Path report;
        String prefix;
        if (external != null && !external.isBlank()) {
            report = Path.of(external).toAbsolutePath();
            prefix = "report-";
        } else {
            report = Path.of("target", "browser-report").toAbsolutePath();
            new ReportRenderer().render(fixture(), null, report);
            prefix = "fixture-";
        }
        try (DevToolsBrowser browser = new DevToolsBrowser(chromium, 1600, 1000)) {
            browser.open(report.resolve("index.html").toUri());
            browser.screenshot(SCREENSHOTS.resolve(prefix + "overview.png"));
            assertEquals(List.of(), browser.takeErrors(), "errors on the overview");
            JsonNode overview = browser.evaluate("(() => { const t = document.getElementById('overview');"
                    + " const r = t.getBoundingClientRect();"
                    + " return {cases: t.tBodies.length, width: r.width, height: r.height,"
                    + "  shown: document.getElementById('shown').textContent}; })()");
            int cases = overview.get("cases").asInt();
            assertTrue(cases > 0, "overview has no cases: " + overview);
            assertTrue(overview.get("width").asDouble() > 600 && overview.get("height").asDouble() > 100, "matrix not laid out: " + overview);
            assertEquals(cases + " of " + cases + " cases", overview.get("shown").asText(), "the page's script ran");

            // Sorting by the first backend's column, twice, must give ascending then descending max ulp.
            JsonNode sorted = browser.evaluate("(() => { const h = document.querySelector('#overview th.backend.sort');"
                    + " const col = Array.prototype.indexOf.call(h.parentNode.children, h);"
                    + " const keys = () => Array.from(document.getElementById('overview').tBodies)"
                    + "   .map(b => parseFloat(b.rows[0].children[col].getAttribute('data-sort')));"
                    + " h.click(); const up = keys(); h.click(); const down = keys(); return {up, down}; })()");
            assertTrue(ordered(sorted.get("up"), 1), "ascending: " + sorted);
            assertTrue(ordered(sorted.get("down"), -1), "descending: " + sorted);

            String casePage = System.getProperty("opcompare.browser.case",
                    external == null || external.isBlank() ? "cases/tanh-float32.html" : firstCaseWithPlots(report));
            browser.open(report.resolve(casePage).toUri());
            browser.screenshot(SCREENSHOTS.resolve(prefix + "case.png"));
            assertEquals(List.of(), browser.takeErrors(), "errors on " + casePage);
            JsonNode plots = browser.evaluate("Array.from(document.querySelectorAll('img.plot')).map(i =>"
                    + " ({src: i.getAttribute('src'), complete: i.complete, natural: i.naturalWidth,"
                    + "   width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height}))");
            assertTrue(plots.size() >= 2, "plots on " + casePage + ": " + plots);
            for (JsonNode p : plots) {
                assertTrue(p.get("complete").asBoolean() && p.get("natural").asInt() > 0, "plot not loaded: " + p);
                assertTrue(p.get("width").asDouble() > 200 && p.get("height").asDouble() > 100, "plot not visible: " + p);
            }
            JsonNode worst = browser.evaluate("document.querySelectorAll('#worst table.values tbody tr').length");
            assertTrue(worst.asInt() > 0, "no worst inputs on " + casePage);
        }
    }

    @Test
    void aBrokenPageIsCaught() throws Exception {
        // The checks above can fail: a script error, console.error and a missing plot are all reported.
        Path page = Path.of("target", "browser-broken", "index.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<!DOCTYPE html><html><body><img src=\"missing.svg\">"
                + "<script>console.error('bad'); undefinedFunction();</script></body></html>");
        try (DevToolsBrowser browser = new DevToolsBrowser(chromium, 800, 600)) {
            browser.open(page.toUri());
            String errors = String.join("\n", browser.takeErrors());
            assertTrue(errors.contains("console.error") && errors.contains("bad"), errors);
            assertTrue(errors.contains("undefinedFunction"), errors);
            assertTrue(errors.contains("missing.svg"), errors);
        }
    }

    private static boolean ordered(JsonNode keys, int direction) {
        for (int i = 1; i < keys.size(); i++) {
            double a = keys.get(i - 1).asDouble();
            double b = keys.get(i).asDouble();
            if (Double.compare(a, b) * direction > 0) {
                return false;
            }
        }
        return true;
    }

    /** The first case page of an existing report that has a plot beside it. */
    private static String firstCaseWithPlots(Path report) throws IOException {
        try (var files = Files.list(report.resolve(CaseFiles.FOLDER))) {
            return files.filter(p -> p.toString().endsWith("-binades.svg")).sorted().findFirst()
                    .map(p -> CaseFiles.FOLDER + "/" + p.getFileName().toString().replace("-binades.svg", ".html"))
                    .orElseThrow(() -> new IOException("no case page with plots in " + report));
        }
    }

    /** Both fixtures in one run: plots, GPU, special values, a hostile id, a failure. */
    static Results fixture() {
        Results a = Fixtures.results();
        Results b = RichFixtures.results();
        List<BackendInfo> backends = new ArrayList<>(a.backends());
        backends.addAll(b.backends());
        List<CaseResult> cases = new ArrayList<>(b.cases());
        cases.addAll(a.cases());
        return new Results(a.schema(), a.opcompareVersion(), true, a.environment(), backends, cases);
    }
}
