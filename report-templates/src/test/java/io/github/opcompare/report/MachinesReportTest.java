package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Machine;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merged results file: the machines on the environment page, and each case across machines. */
class MachinesReportTest {
    /** A machine name with markup: names come from folder names or a CI matrix, and are text. */
    private static final String EPYC = "<i>epyc</i>";
    private static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    /** sqrt on two machines: the JDK on both (correctly rounded on one only), TensorFlow skipped on one and absent on the other. */
    static Results merged() {
        Environment xeon = new Environment("Linux", "6.8.0", "amd64", "Intel Xeon Test", 8, null, null, 32 * GIB, List.of(),
                "17.0.15", "Eclipse Adoptium", null, null, "host-a", "2025-01-15T10:00:00Z");
        Environment epyc = new Environment("Linux", "6.1.0", "amd64", "AMD <EPYC> Test", 16, null, null, 64 * GIB,
                List.of(new Environment.Gpu("NVIDIA H100", "550.54.15", "9.0", 80 * GIB)), "21.0.4", null, null, null,
                "host-b", "2025-01-15T11:00:00Z");
        String jdkEpyc = "jdk@" + EPYC;
        CaseResult sqrt = new CaseResult("sqrt", "sqrt", "float64", List.of("uniform(0, 1)"), 1_000_000, 42, List.of(
                Fixtures.ok("jdk@xeon", new Accuracy(0.5, 0.25, 1.0, 0, 0L, 0, List.of()), Fixtures.timing(1_000_000, 2_000_000, 30, 1)),
                BackendResult.notRun("tf-cpu@xeon", Status.SKIPPED, "backend not available"),
                Fixtures.ok(jdkEpyc, new Accuracy(0.75, 0.3, 0.9, 100_000, 1L, 0, List.of()),
                        Fixtures.timing(1_000_000, 1_500_000, 30, 1))),
                List.of(), null, null, null);
        List<BackendInfo> backends = List.of(
                new BackendInfo("jdk@xeon", "JDK", "17.0.15", "cpu", 1, null, true, null),
                new BackendInfo("tf-cpu@xeon", "TensorFlow Java", "1.1.0", "cpu", 8, null, false, "backend not available"),
                new BackendInfo(jdkEpyc, "JDK", "21.0.4", "cpu", 1, null, true, null));
        List<Machine> machines = List.of(
                new Machine("xeon", xeon, List.of("jdk@xeon", "tf-cpu@xeon")),
                new Machine(EPYC, epyc, List.of(jdkEpyc)));
        return new Results(Results.SCHEMA, "0.1.0", true, xeon, backends, List.of(sqrt), null, null, machines);
    }

    private String render(String page) throws IOException {
        new ReportRenderer().render(merged(), null, dir);
        return Files.readString(dir.resolve(page), StandardCharsets.UTF_8);
    }

    @Test
    void environmentPageListsEachMachinesEnvironment() throws IOException {
        String html = render("environment.html");
        List<List<String>> rows = rows(section(html, "machines"));
        assertEquals(List.of(
                List.of("xeon", "Intel Xeon Test", "8", "32.0 GiB", "none", "17.0.15 (Eclipse Adoptium)", "Linux 6.8.0, amd64",
                        "jdk@xeon, tf-cpu@xeon"),
                List.of("&lt;i&gt;epyc&lt;/i&gt;", "AMD &lt;EPYC&gt; Test", "16", "64.0 GiB", "NVIDIA H100 (80.0 GiB)", "21.0.4",
                        "Linux 6.1.0, amd64", "jdk@&lt;i&gt;epyc&lt;/i&gt;")),
                rows);
        assertFalse(html.contains(EPYC), "a machine name is text, not markup");
    }

    @Test
    void casePageShowsEachBackendAcrossMachines() throws IOException {
        String html = render("cases/sqrt-float64.html");
        String table = section(html, "machines");
        assertTrue(table.contains("<h2>Across machines</h2>"), table);
        assertTrue(table.contains("<th class=\"backend\">xeon</th><th class=\"backend\">&lt;i&gt;epyc&lt;/i&gt;</th>"), table);
        List<List<String>> rows = rows(table);
        // 0.75 ulp, 90% correctly rounded and 1.5 ms on the second machine; TensorFlow never ran there.
        assertEquals(List.of(
                List.of("0.50 ulp 100% CR 2.00 ms @ 1e6", "0.75 ulp 90.00% CR 1.50 ms @ 1e6"),
                List.of("skipped", "not run")), rows);
        assertTrue(table.contains("<th class=\"case\"><code>jdk</code></th>"), "rows are named by the backend without its machine");
        assertTrue(table.contains("<th class=\"case\"><code>tf-cpu</code></th>"), table);
        assertFalse(html.contains(EPYC), html);
    }

    @Test
    void oneMachineHasNoMachineTables() throws IOException {
        new ReportRenderer().render(Fixtures.results(), null, dir);
        assertFalse(Files.readString(dir.resolve("environment.html"), StandardCharsets.UTF_8).contains("id=\"machines\""));
        assertFalse(Files.readString(dir.resolve("cases/sqrt-f32-float32.html"), StandardCharsets.UTF_8).contains("Across machines"));
    }

    @Test
    void overviewKeepsOneColumnPerBackendAndMachine() throws IOException {
        String html = render("index.html");
        for (String column : List.of("jdk@xeon", "tf-cpu@xeon", "jdk@&lt;i&gt;epyc&lt;/i&gt;")) {
            assertTrue(html.contains(">" + column + "</th>"), column);
        }
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The text of each body row's cells (td only), tags removed and whitespace collapsed. */
    private static List<List<String>> rows(String table) {
        String body = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>([\\s\\S]*?)</tr>").matcher(body);
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<td[^>]*>([\\s\\S]*?)</td>").matcher(tr.group(1));
            while (td.find()) {
                cells.add(td.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
            }
            rows.add(cells);
        }
        return rows;
    }
}
