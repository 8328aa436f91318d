package io.github.opcompare.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.opcompare.engine.check.CheckReport;
import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders results into a self-contained folder of HTML that opens from the file system: pages,
 * the stylesheet, and a copy of results.json to download. Every link is relative; nothing is
 * fetched from the network.
 *
 * <p>Templates live beside this class as {@code .ftlh}, so FreeMarker escapes every value for HTML;
 * a page is one template that calls the layout macro in {@code layout.ftlh}.
 */
public final class ReportRenderer {
    /** File name of the first page; the site links to it. */
    public static final String INDEX = "index.html";
    /** File name of the copy of the results, beside index.html. */
    public static final String RESULTS_JSON = "results.json";
    /** File name of the overview as CSV, one row per case and backend. */
    public static final String OVERVIEW_CSV = "overview.csv";
    static final String ENVIRONMENT = "environment.html";
    static final String HELP = "help.html";

    private static final String TEMPLATES = "/io/github/opcompare/report/";
    private static final List<String> ASSETS = List.of("assets/opcompare.css", "assets/opcompare.js");

    private final Configuration freemarker;

    public ReportRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(ReportRenderer.class, TEMPLATES);
        freemarker.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        // The report reads the same on every build machine, whatever its locale or time zone.
        freemarker.setLocale(Locale.ROOT);
        freemarker.setTimeZone(TimeZone.getTimeZone("UTC"));
        freemarker.setNumberFormat("computer");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    /**
     * Writes the report for {@code results} into {@code outputDir}, creating it if needed.
     *
     * @param results what to show
     * @param resultsJson the file the results were read from, copied beside the pages for download;
     *     null to write the results afresh instead
     * @param outputDir the folder to write into; index.html is its first page
     * @return the path of index.html
     */
    public Path render(Results results, Path resultsJson, Path outputDir) throws IOException {
        return render(results, resultsJson, outputDir, null);
    }

    /**
     * Writes the report, with what the check goal found: its verdict on the overview and, when it
     * compared with a baseline, the changes beside the values they concern.
     *
     * @param check check.json as read ({@code CheckJson.read}); null to leave the check out
     * @see #render(Results, Path, Path)
     */
    public Path render(Results results, Path resultsJson, Path outputDir, CheckReport check) throws IOException {
        Files.createDirectories(outputDir);
        Path jsonCopy = outputDir.resolve(RESULTS_JSON);
        if (resultsJson == null) {
            AtomicFiles.writeString(jsonCopy, ResultsJson.toJson(results));
        } else if (!sameFile(resultsJson, jsonCopy)) {
            AtomicFiles.write(jsonCopy, out -> Files.copy(resultsJson, out));
        }
        for (String asset : ASSETS) {
            copyResource(asset, outputDir.resolve(asset));
        }
        AtomicFiles.writeString(outputDir.resolve(OVERVIEW_CSV), OverviewCsv.write(results));
        List<CaseResult> cases = results.cases() == null ? List.of() : results.cases();
        CaseFiles files = new CaseFiles(cases);
        BaselineView baseline = BaselineView.of(check);
        OverviewPage overview = new OverviewBuilder(results, RESULTS_JSON, OVERVIEW_CSV, files, baseline).build();
        Map<String, Integer> colors = new LinkedHashMap<>();
        overview.backends().forEach(b -> colors.put(b.id(), colors.size()));
        CasePageBuilder caseBuilder = new CasePageBuilder(colors, overview.generator(), baseline,
                new MachineView(results));
        Path caseDir = outputDir.resolve(CaseFiles.FOLDER);
        Files.createDirectories(caseDir);
        for (CaseResult c : cases) {
            CasePageBuilder.Built built = caseBuilder.build(c, files.base(c));
            for (Map.Entry<String, String> chart : built.charts().entrySet()) {
                AtomicFiles.writeString(caseDir.resolve(chart.getKey()), chart.getValue());
            }
            writePage("case.ftlh", built.page(), caseDir.resolve(files.base(c) + ".html"));
        }
        writePage("environment.ftlh", overview, outputDir.resolve(ENVIRONMENT));
        writePage("help.ftlh", overview, outputDir.resolve(HELP));
        Path index = outputDir.resolve(INDEX);
        writePage("index.ftlh", overview, index);
        return index;
    }

    private void writePage(String template, Object page, Path target) throws IOException {
        Template t = freemarker.getTemplate(template);
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                t.process(Map.of("page", page), writer);
            } catch (TemplateException e) {
                throw new IOException("Cannot render " + template + ": " + e.getMessage(), e);
            }
            writer.flush();
        });
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = ReportRenderer.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IOException("Missing report resource " + TEMPLATES + name);
            }
            AtomicFiles.write(target, out -> in.transferTo(out));
        }
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        return Files.exists(b) && Files.isSameFile(a, b);
    }
}
