package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.opcompare.engine.check.CheckReport;
import io.github.opcompare.engine.merge.MergeInput;
import io.github.opcompare.engine.merge.ResultsMerger;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens rendered reports in headless Chromium, as a reader would. Every page of every kind of
 * report (plain, with a baseline, merged from several machines) must open with no console error, no
 * uncaught exception, no failed load and no link to a missing file; the overview and a case page
 * must also work (sorting, plots that are really drawn). Screenshots go to target/screenshots. On
 * CI (CI=true) Chromium is required and its absence fails the test; elsewhere the test is skipped
 * with the reason.
 *
 * <p>{@code -Dopcompare.browser.report=DIR} opens an existing report folder instead of the
 * fixture's (e.g. example/target/site/opcompare after {@code mvn -f example/pom.xml verify site}).
 */
class BrowserReportTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Path chromium;

    @BeforeAll
    static void needsChromium() {
        chromium = chromiumOrSkip(System.getenv());
    }

    /**
     * The browser to use; without one, the test is skipped with the reason, except on CI (CI=true),
     * where a missing browser must not pass unseen as a skipped test.
     */
    static Path chromiumOrSkip(Map<String, String> env) {
        Path found = DevToolsBrowser.find(env);
        if (found == null) {
            String hint = "Chromium not found (looked for $OPCOMPARE_CHROMIUM, then chromium, chromium-browser, google-chrome "
                    + "on the PATH); install Debian's chromium to run the browser test";
            if ("true".equalsIgnoreCase(env.get("CI"))) {
                fail(hint + ". It is required on CI (CI=true).");
            }
            Assumptions.abort(hint + ". Skipped.");
        }
        return found;
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

    /**
     * Every page a reader can reach, in each kind of report the renderer writes. A script that runs
     * on every page (the one in assets/) must cope with every page, not only the one it was written for.
     */
    @Test
    void everyPageOfEveryReportOpensWithoutErrors() throws Exception {
        List<String> problems = new ArrayList<>();
        int opened = 0;
        try (DevToolsBrowser browser = new DevToolsBrowser(chromium, 1600, 1000)) {
            for (RenderedReport report : reports()) {
                for (Path page : report.pages()) {
                    browser.open(page.toUri());
                    String where = report.name() + " " + report.folder().relativize(page) + ": ";
                    problems(browser).forEach(p -> problems.add(where + p));
                    opened++;
                }
                browser.open(report.folder().resolve(ReportRenderer.INDEX).toUri());
                String shown = browser.evaluate("document.getElementById('shown').textContent").asText();
                if (!shown.matches("\\d+ of \\d+ cases")) {
                    problems.add(report.name() + " index.html: the overview's script did not run (shown: '" + shown + "')");
                }
                browser.takeErrors();
            }
        }
        assertEquals(List.of(), problems, "problems on " + opened + " pages");
    }

    @Test
    void aBrokenPageIsCaught() throws Exception {
        // The checks above can fail: a script error, console.error and a missing plot are all reported.
        Path page = Path.of("target", "browser-broken", "index.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"broken-style.css\"></head>"
                + "<body><img src=\"missing.svg\"><a href=\"gone.html\">gone</a> <a href=\"#nowhere\">nowhere</a>"
                + " <a href=\"#here\" id=\"here\">here</a> <a href=\"index.html\">itself</a>"
                + "<script>console.error('bad'); undefinedFunction();</script>"
                // help.html's defect as it was: a script that took an element with the table's id for the table.
                + "<script>document.body.tHead.querySelectorAll('th');</script>"
                + "</body></html>");
        try (DevToolsBrowser browser = new DevToolsBrowser(chromium, 800, 600)) {
            browser.open(page.toUri());
            String errors = String.join("\n", problems(browser));
            assertTrue(errors.contains("console.error") && errors.contains("bad"), errors);
            assertTrue(errors.contains("undefinedFunction"), errors);
            assertTrue(errors.contains("missing.svg"), errors);
            assertTrue(errors.contains("link to a missing file") && errors.contains("gone.html"), errors);
            assertTrue(errors.contains("link to a missing anchor: #nowhere"), errors);
            assertTrue(errors.contains("broken-style.css"), errors);
            assertTrue(errors.contains("TypeError"), errors);
        }
    }

    /**
     * What a reader would see go wrong on the open page: the browser's errors (uncaught exceptions,
     * console.error, failed loads) and links that lead nowhere (a missing file, a missing anchor on the page).
     */
    static List<String> problems(DevToolsBrowser browser) throws IOException {
        List<String> found = new ArrayList<>(browser.takeErrors());
        JsonNode links = browser.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a =>"
                + " ({href: a.href, own: a.getAttribute('href')}))");
        for (JsonNode link : links) {
            URI target = URI.create(link.get("href").asText());
            if ("file".equals(target.getScheme()) && !Files.exists(Path.of(URI.create("file://" + target.getRawPath())))) {
                found.add("link to a missing file: " + link.get("own").asText());
            }
        }
        JsonNode anchors = browser.evaluate("Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
                + ".map(a => a.getAttribute('href')).filter(h => h.length > 1"
                + " && !document.getElementById(decodeURIComponent(h.substring(1))))");
        anchors.forEach(a -> found.add("link to a missing anchor: " + a.asText()));
        found.addAll(browser.takeErrors());
        return found;
    }

    /** A report folder, freshly written, and the pages it must hold. */
    private record RenderedReport(String name, Path folder, int cases) {
        /**
         * Every page in the folder; fails when one of the fixed pages is missing or there are not as
         * many case pages as cases, so that a report that lost pages cannot pass by having fewer to open.
         */
        List<Path> pages() throws IOException {
            List<Path> pages;
            try (var files = Files.walk(folder)) {
                pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            }
            for (String fixed : List.of(ReportRenderer.INDEX, ReportRenderer.ENVIRONMENT, ReportRenderer.HELP)) {
                assertTrue(pages.contains(folder.resolve(fixed)), name + " has no " + fixed + ": " + pages);
            }
            long casePages = pages.stream().filter(p -> p.getParent().equals(folder.resolve(CaseFiles.FOLDER))).count();
            if (cases >= 0) {
                assertEquals(cases, casePages, name + ": one page per case");
            } else {
                assertTrue(casePages > 0, name + " has no case pages");
            }
            return pages;
        }
    }

    /**
     * The plain fixture, the same with what check found against a baseline, and two machines merged
     * by the merge goal's own code; or only the external report when one is named.
     */
    private static List<RenderedReport> reports() throws IOException {
        String external = System.getProperty("opcompare.browser.report");
        if (external != null && !external.isBlank()) {
            return List.of(new RenderedReport("report", Path.of(external).toAbsolutePath(), -1));
        }
        Path root = Path.of("target", "browser-reports").toAbsolutePath();
        if (Files.exists(root)) {
            // Pages of an earlier run would be opened too, and could hide a page that is no longer written.
            try (var old = Files.walk(root)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Results plain = fixture();
        Results merged = ResultsMerger.merge(List.of(
                new MergeInput("xeon/results.json", "xeon", fixture()),
                new MergeInput("epyc/results.json", "<i>epyc</i>", fixture()))).results();
        List<RenderedReport> reports = new ArrayList<>();
        reports.add(render("plain", plain, null, root));
        reports.add(render("baseline", plain, BaselineReportTest.check(true,
                List.of("case <b>new</b>/float32 is not in the baseline")), root));
        reports.add(render("baseline-speed-not-compared", plain, BaselineReportTest.check(false,
                List.of("speed not compared: the baseline was recorded on another CPU")), root));
        reports.add(render("machines", merged, null, root));
        reports.add(render("machines-by-hand", MachinesReportTest.merged(), null, root));
        return reports;
    }

    private static RenderedReport render(String name, Results results, CheckReport check, Path root) throws IOException {
        Path folder = root.resolve(name);
        new ReportRenderer().render(results, null, folder, check);
        return new RenderedReport(name, folder, results.cases().size());
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
