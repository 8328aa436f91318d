package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasePageTest {
    @TempDir
    Path dir;

    private String page(Results results, String name) throws IOException {
        new ReportRenderer().render(results, null, dir);
        return Files.readString(dir.resolve("cases/" + name + ".html"), StandardCharsets.UTF_8);
    }

    @Test
    void plotsAreSvgFilesBesideThePage() throws IOException {
        String html = page(RichFixtures.results(), "tanh-float32");
        for (String plot : List.of("tanh-float32-histogram.svg", "tanh-float32-binades.svg", "tanh-float32-timing.svg")) {
            assertTrue(html.contains("src=\"" + plot + "\""), plot);
            String svg = Files.readString(dir.resolve("cases/" + plot), StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg"), plot);
            assertTrue(svg.contains(RichFixtures.CPU) && svg.contains(RichFixtures.GPU), plot + " names both backends in its legend");
        }
    }

    @Test
    void worstInputShowsExactValueAndEveryBackendsResult() throws IOException {
        String html = page(RichFixtures.results(), "tanh-float32");
        String worst = section(html, "worst");
        String row20 = row(worst, "20");
        assertTrue(row20.contains("<code>9.765625E-4</code>"), row20);          // input
        assertTrue(row20.contains("<code>0.000976562189559319</code>"), row20); // exact
        assertTrue(row20.contains("<code>9.765622E-4</code>"), row20);          // correctly rounded, and the CPU's
        assertTrue(row20.contains("class=\"differs worst\""), row20);           // the GPU's 9.7656244E-4, off
        assertTrue(row20.contains("lib-gpu: 3.00 ulp, 3 steps"), row20);
        // The CPU's own worst (element 5) is listed too, with its 0.4 ulp.
        assertTrue(row(worst, "5").contains("lib-cpu: 0.40 ulp, 0 steps"), worst);
    }

    @Test
    void sideBySideHighlightsOnlyTheDifferingEntry() throws IOException {
        String values = section(page(RichFixtures.results(), "tanh-float32"), "values");
        assertEquals(16, count(values, "<td class=\"num idx\">"));
        assertEquals(1, count(values, "class=\"differs"), values);
        assertTrue(row(values, "3").contains("class=\"differs\""), values);
    }

    @Test
    void cpuAgainstGpuSectionShowsSharesAndSpeedups() throws IOException {
        String html = page(RichFixtures.results(), "tanh-float32");
        String devices = section(html, "devices");
        assertTrue(devices.contains("60.00%"), devices);
        // 1,001,000 ns on the CPU over 70,000 ns on the GPU: 14.3 times.
        assertTrue(devices.contains("1,000,000: CPU 1.00 ms, GPU 70.0 µs → 14×"), devices);
        assertTrue(devices.contains("100: CPU 1.10 µs, GPU 20.0 µs → 0.1×"), devices);
        String index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("CPU vs GPU"), "overview gets a GPU column");
        assertTrue(index.contains("lib-gpu is 14× faster than lib-cpu at 1,000,000 and gives 60.00% of lib-cpu&#39;s bits"), index);
    }

    @Test
    void withoutDevicesThereIsNoGpuSection() throws IOException {
        String html = page(Fixtures.results(), "sqrt-f32-float32");
        assertFalse(html.contains("id=\"devices\""));
        assertFalse(Files.readString(dir.resolve("index.html")).contains("CPU vs GPU"));
    }

    @Test
    void specialInputsAreListedWithTheMismatchFlagged() throws IOException {
        String specials = section(page(RichFixtures.results(), "sqrt-special-float32"), "specials");
        // -0, NaN, Infinity and the subnormal 1.4E-45 are special; 4.0 is not.
        assertEquals(4, count(specials, "<td class=\"num idx\">"), specials);
        assertFalse(specials.contains("<code>4.0</code>"), specials);
        assertTrue(row(specials, "0").contains("class=\"differs worst\""), specials);
        assertEquals(1, count(specials, "class=\"differs"), specials);
        assertFalse(page(RichFixtures.results(), "tanh-float32").contains("id=\"specials\""), "no special inputs, no section");
    }

    @Test
    void hostileCaseIdIsTextOnItsPageAndInItsFileName() throws IOException {
        new ReportRenderer().render(Fixtures.results(), null, dir);
        try (var files = Files.list(dir.resolve("cases"))) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".html") && p.getFileName().toString().startsWith("_script_")).toList();
            assertEquals(1, pages.size());
            String html = Files.readString(pages.get(0), StandardCharsets.UTF_8);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertFalse(html.contains("<script>"), html);
        }
    }

    @Test
    void axisNumbersDoNotFollowTheLocale() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            page(RichFixtures.results(), "tanh-float32");
            String svg = Files.readString(dir.resolve("cases/tanh-float32-binades.svg"), StandardCharsets.UTF_8);
            // The y axis of errors up to 3 ulp has ticks at halves: 0.5, not 0,5.
            assertTrue(svg.contains(">0.5<"), svg);
            assertFalse(Pattern.compile(">\\d+,\\d+<").matcher(svg).find(), "decimal comma in a tick label");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void helpAndEnvironmentPagesExistAndLinkBack() throws IOException {
        new ReportRenderer().render(RichFixtures.results(), null, dir);
        String help = Files.readString(dir.resolve("help.html"), StandardCharsets.UTF_8);
        assertTrue(help.contains("id=\"ulp\"") && help.contains("id=\"steps\"") && help.contains("correctly rounded"));
        assertTrue(help.contains("href=\"./index.html\""));
        assertTrue(Files.readString(dir.resolve("environment.html")).contains("<code>lib-gpu</code>"));
    }

    @Test
    void theCasesSpecialsAreListedAgainstThePrescribedResult() throws IOException {
        // sqrt(-0) is -0 by IEEE 754; the GPU build returns +0, the CPU build -0.
        CaseResult base = RichFixtures.tanh();
        List<SpecialValue> specials = List.of(
                SpecialValue.elementwise(List.of("-0.0"), "-0.0", Map.of(RichFixtures.CPU, "-0.0", RichFixtures.GPU, "0.0"),
                        List.of(RichFixtures.GPU)),
                SpecialValue.elementwise(List.of("NaN"), "NaN", Map.of(RichFixtures.CPU, "NaN", RichFixtures.GPU, "NaN"), List.of()));
        CaseResult withSpecials = new CaseResult(base.id(), base.op(), base.dtype(), base.inputs(), base.size(), base.seed(),
                base.results(), base.agreement(), base.timeBudgetNanos(), base.timingNanos(), base.devices(), base.values(),
                new Specials(SpecialsOutcome.ok(), Map.of(RichFixtures.CPU, SpecialsOutcome.ok(), RichFixtures.GPU, SpecialsOutcome.ok()),
                        specials));
        Results results = new Results(Results.SCHEMA, "test", true, null, RichFixtures.results().backends(), List.of(withSpecials));
        String section = section(page(results, "tanh-float32"), "specials");
        assertTrue(section.contains("The 2 special inputs"), section);
        assertTrue(section.contains("1 of them got a different result from at least one backend"), section);
        assertFalse(section.contains("class=\"warning"), "nothing failed, no warning");
        String minusZero = row(section, "0");
        assertTrue(minusZero.contains("<code>-0.0</code>"), minusZero);
        assertEquals(1, count(minusZero, "class=\"differs"), minusZero);
        assertTrue(minusZero.contains("<code>0.0</code><span class=\"flag\""), minusZero);
        assertEquals(0, count(row(section, "1"), "class=\"differs"));
    }

    @Test
    void aBackendThatFailedOnTheSpecialInputsIsSaidToHaveFailedNotToHaveNoMismatches() throws IOException {
        CaseResult base = RichFixtures.tanh();
        // The GPU build answered -0.0 and NaN as IEEE 754 prescribes; the CPU build crashed on the special inputs.
        List<SpecialValue> rows = List.of(
                SpecialValue.elementwise(List.of("-0.0"), "-0.0", Map.of(RichFixtures.GPU, "-0.0"), List.of()),
                SpecialValue.elementwise(List.of("NaN"), "NaN", Map.of(RichFixtures.GPU, "NaN"), List.of()));
        Specials specials = new Specials(SpecialsOutcome.ok(), Map.of(RichFixtures.GPU, SpecialsOutcome.ok(),
                RichFixtures.CPU, SpecialsOutcome.failed("worker crashed with signal 11 (SIGSEGV) in native code\nlast lines of stderr: …")),
                rows);
        String section = section(page(withSpecials(base, specials), "tanh-float32"), "specials");
        assertTrue(section.contains("<p class=\"warning specials-failed\">" + RichFixtures.CPU + " failed on special inputs (worker crashed"
                + " with signal 11 (SIGSEGV) in native code): it has no result where it failed, so its special mismatches cannot be"
                + " counted.</p>"), section);
        assertFalse(section.contains("last lines of stderr"), "the first line only");
        assertTrue(section.contains("0 of them got a different result from at least one backend that answered"), section);
        // Its cells say failed, and are not flagged as a wrong value.
        String minusZero = row(section, "0");
        assertTrue(minusZero.contains("<td><code>failed</code></td>"), minusZero);
        assertEquals(0, count(minusZero, "class=\"differs"), minusZero);
    }

    @Test
    void aBackendThatTakesNoSpecialInputsIsSaidToBeUnsupportedThereWithoutAWarning() throws IOException {
        CaseResult base = RichFixtures.tanh();
        List<SpecialValue> rows = List.of(SpecialValue.elementwise(List.of("NaN"), "NaN", Map.of(RichFixtures.GPU, "NaN"), List.of()));
        Specials specials = new Specials(SpecialsOutcome.ok(), Map.of(RichFixtures.GPU, SpecialsOutcome.ok(),
                RichFixtures.CPU, SpecialsOutcome.unsupported("no recording for tanh/float32@specials")), rows);
        String section = section(page(withSpecials(base, specials), "tanh-float32"), "specials");
        assertFalse(section.contains("class=\"warning"), section);
        assertTrue(section.contains(RichFixtures.CPU + " does not take them (no recording for tanh/float32@specials): not judged on them."),
                section);
        assertTrue(row(section, "0").contains("<td><code>unsupported</code></td>"), section);
    }

    @Test
    void aReferenceThatFailedOnTheSpecialInputsIsSaidToHaveFailed() throws IOException {
        CaseResult base = RichFixtures.tanh();
        Specials none = new Specials(SpecialsOutcome.failed("undecided after 4096 bits\n\tat ArbitraryPrecision.round"), Map.of(), List.of());
        String section = section(page(withSpecials(base, none), "tanh-float32"), "specials");
        assertTrue(section.contains("The exact reference failed on special inputs (undecided after 4096 bits): their prescribed results"
                + " are unknown and their rows are missing, so no backend&#39;s special mismatches can be counted."), section);
        assertTrue(section.contains("No special input could be judged."), section);
        assertFalse(section.contains("got a different result"), section);
        // Some vectors settled, one not: the count is said to be of what the reference settled.
        Specials some = new Specials(SpecialsOutcome.failed("[1.0, NaN]: undecided"), Map.of(RichFixtures.CPU, SpecialsOutcome.ok()),
                List.of(new SpecialValue(List.of(io.github.opcompare.engine.result.SpecialOperand.vector(List.of("-0.0", "-0.0"))), null,
                        "-0.0", Map.of(RichFixtures.CPU, "-0.0"), List.of())));
        CaseResult sum = withSpecials(base, some).cases().get(0);
        CaseResult asSum = new CaseResult("sum", "reduce_sum", sum.dtype(), sum.inputs(), sum.size(), sum.seed(), sum.results(),
                sum.agreement(), null, null, null, null, some);
        String sumSection = section(page(new Results(Results.SCHEMA, "test", true, null, RichFixtures.results().backends(), List.of(asSum)),
                "sum-float32"), "specials");
        assertTrue(sumSection.contains("of the inputs the reference settled, 0 of them got a different result"), sumSection);
        assertTrue(sumSection.contains("The exact reference failed on special inputs ([1.0, NaN]: undecided)"), sumSection);
    }

    private static Results withSpecials(CaseResult base, Specials specials) {
        CaseResult c = new CaseResult(base.id(), base.op(), base.dtype(), base.inputs(), base.size(), base.seed(), base.results(),
                base.agreement(), base.timeBudgetNanos(), base.timingNanos(), base.devices(), base.values(), specials);
        return new Results(Results.SCHEMA, "test", true, null, RichFixtures.results().backends(), List.of(c));
    }

    @Test
    void aSumShowsRelativeErrorItsConditionNumberAndItsSpecialVectors() throws IOException {
        // The naive float32 sum of [1e8, 1, -1e8] is 0 against an exact 1: relative error 1, condition 200000001.
        CaseResult base = RichFixtures.tanh();
        io.github.opcompare.engine.result.BackendResult cpu = base.results().get(0);
        io.github.opcompare.engine.result.BackendResult withRelative = new io.github.opcompare.engine.result.BackendResult(cpu.backend(),
                cpu.status(), cpu.message(), cpu.accuracy().withRelativeError(1.0, 1.0, 0, 200000001.0), cpu.reproducibility(),
                cpu.firstCallNanos(), cpu.timing(), cpu.fit(), cpu.threads(), cpu.timingNotes());
        List<SpecialValue> specials = List.of(new SpecialValue(
                List.of(io.github.opcompare.engine.result.SpecialOperand.vector(List.of("-0.0", "-0.0"))), null, "-0.0",
                Map.of(RichFixtures.CPU, "0.0"), List.of(RichFixtures.CPU)));
        CaseResult sum = new CaseResult("sum", "reduce_sum", base.dtype(), base.inputs(), base.size(), base.seed(),
                List.of(withRelative), List.of(), null, null, null, null, new Specials(null, null, specials));
        Results results = new Results(Results.SCHEMA, "test", true, null, RichFixtures.results().backends(), List.of(sum));
        String html = page(results, "sum-float32");
        String backends = section(html, "backends");
        assertTrue(backends.contains("Max relative error"), backends);
        assertTrue(backends.contains("<td class=\"num\">1.00e0</td>"), backends);
        assertTrue(backends.contains("Condition number of these inputs: <strong>2.00e8</strong>"), backends);
        String section = section(html, "specials");
        assertTrue(section.contains("results of special vectors"), section);
        String zeros = row(section, "0");
        assertTrue(zeros.contains("[-0.0, -0.0]"), zeros);
        assertEquals(1, count(zeros, "class=\"differs"), zeros);
        // An elementwise case has no relative error column.
        assertFalse(section(page(RichFixtures.results(), "tanh-float32"), "backends").contains("relative error"));
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "section " + id);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    /** The table row whose index column reads {@code index}. */
    private static String row(String html, String index) {
        Matcher m = Pattern.compile("<tr>\\s*<td class=\"num idx\">" + Pattern.quote(index) + "</td>[\\s\\S]*?</tr>").matcher(html);
        assertTrue(m.find(), "row " + index);
        return m.group();
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
