package io.github.opcompare.engine.check;

import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The check's outcome as the Ant JUnit XML that surefire writes ({@code testsuite/testcase/failure}),
 * which CI servers display natively: one test case per case × backend, named by the backend in a
 * class named by the case; a failure for each violated rule or regression, an error for a backend
 * that failed (followed by a failure for each rule its failure breaks; the suite counts the test case
 * once, as an error), skipped for one that could not run or lacks the op.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(Results results, CheckReport report, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeTo(results, report, out));
    }

    static void writeTo(Results results, CheckReport report, OutputStream out) throws IOException {
        Map<String, List<Violation>> byTest = new LinkedHashMap<>();
        for (Violation v : report.violations()) {
            byTest.computeIfAbsent(v.caseLabel() + "\n" + v.backend(), k -> new ArrayList<>()).add(v);
        }
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (CaseResult c : results.cases()) {
            for (BackendResult r : c.results()) {
                tests++;
                if (Status.FAILED.id().equals(r.status())) {
                    errors++;
                } else if (!Status.OK.id().equals(r.status())) {
                    skipped++;
                } else if (byTest.containsKey(c.label() + "\n" + r.backend())) {
                    failures++;
                }
            }
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "opcompare");
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeAttribute("errors", Integer.toString(errors));
            xml.writeAttribute("skipped", Integer.toString(skipped));
            xml.writeAttribute("time", "0");
            if (results.environment() != null && results.environment().timestamp() != null) {
                xml.writeAttribute("timestamp", results.environment().timestamp());
            }
            xml.writeCharacters("\n");
            for (CaseResult c : results.cases()) {
                for (BackendResult r : c.results()) {
                    testCase(xml, c, r, byTest.getOrDefault(c.label() + "\n" + r.backend(), List.of()));
                }
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void testCase(XMLStreamWriter xml, CaseResult c, BackendResult r, List<Violation> violations) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", r.backend());
        xml.writeAttribute("classname", className(c));
        xml.writeAttribute("time", "0");
        if (Status.FAILED.id().equals(r.status())) {
            child(xml, "error", String.valueOf(r.message()), "opcompare.BackendFailed", String.valueOf(r.message()));
            // A failed backend breaks the limits of every rule that covers it (see RuleChecker); CI shows them too.
            violations(xml, violations);
        } else if (!Status.OK.id().equals(r.status())) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", r.status() + ": " + r.message());
        } else {
            violations(xml, violations);
            child(xml, "system-out", null, null, summary(r));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** A failure per violated rule or regression; JUnit XML allows any number of them in a test case. */
    private static void violations(XMLStreamWriter xml, List<Violation> violations) throws XMLStreamException {
        for (Violation v : violations) {
            child(xml, "failure", v.message(), "opcompare." + (v.source().equals("baseline") ? "Regression" : "RuleViolated"),
                    v.message() + " (" + v.source() + ")");
        }
    }

    private static void child(XMLStreamWriter xml, String name, String message, String type, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        if (message != null) {
            xml.writeAttribute("message", message);
            xml.writeAttribute("type", type);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** The figures a CI server shows under the test: accuracy, and the time at the largest size. */
    static String summary(BackendResult r) {
        StringBuilder s = new StringBuilder();
        Accuracy a = r.accuracy();
        if (a != null) {
            s.append("maxUlp ").append(a.ulpErrorDefined() ? a.maxUlp() : "undefined")
                    .append(", correctlyRounded ").append(Percent.format(a.correctlyRounded()))
                    .append(", maxSteps ").append(a.maxSteps() == null ? "undefined" : a.maxSteps());
        }
        if (r.reproducibility() != null) {
            s.append(", reproducible ").append(r.reproducibility().reproducible());
        }
        SizeTiming t = r.largestTiming();
        if (t != null) {
            s.append(String.format(Locale.ROOT, ", median %.1f ns per call at size %d", t.medianNanos(), t.size()));
        }
        return s.toString();
    }

    /** A class per case, so a CI server groups a case's backends: {@code opcompare.exp_float32}. */
    static String className(CaseResult c) {
        return "opcompare." + c.id().replace('.', '_') + "_" + c.dtype();
    }

    static byte[] toBytes(Results results, CheckReport report) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeTo(results, report, out);
        return out.toByteArray();
    }
}
