package io.github.opcompare.engine.check;

import static io.github.opcompare.engine.check.CheckFixtures.accuracy;
import static io.github.opcompare.engine.check.CheckFixtures.exp32;
import static io.github.opcompare.engine.check.CheckFixtures.ok;
import static io.github.opcompare.engine.check.CheckFixtures.results;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CheckJUnitXmlTest {

    @Test
    void oneTestPerCaseAndBackendWithFailuresErrorsAndSkips() throws Exception {
        Results r = results(exp32(List.of(
                ok("nd4j-cpu", accuracy(4880.0, 0.8293, 4880L, 0), true),
                ok("tensorflow-cpu", accuracy(1.0, 0.9, 1L, 0), true),
                BackendResult.notRun("numpy", Status.FAILED, "worker crashed: <SIGSEGV> & more"),
                BackendResult.notRun("jdk", Status.UNSUPPORTED, "no float32 exp")), List.of()));
        Violation v = new Violation("exp/float32", "nd4j-cpu", "maxUlp", "4880.0", "expected maximum is 4", "rule 1");
        CheckReport report = CheckReport.of("results.json", null, new RuleChecker.RuleOutcome(List.of(v), List.of()), null);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(JUnitXml.toBytes(r, report)));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element nd4j = (Element) cases.item(0);
        assertEquals("nd4j-cpu", nd4j.getAttribute("name"));
        assertEquals("opcompare.exp_float32", nd4j.getAttribute("classname"));
        Element failure = (Element) nd4j.getElementsByTagName("failure").item(0);
        assertEquals("case exp/float32 backend nd4j-cpu: maxUlp is 4880.0, but expected maximum is 4", failure.getAttribute("message"));
        assertEquals(0, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
        // Markup in a message is escaped, not interpreted: it comes back as written.
        Element error = (Element) ((Element) cases.item(2)).getElementsByTagName("error").item(0);
        assertEquals("worker crashed: <SIGSEGV> & more", error.getAttribute("message"));
        Element skipped = (Element) ((Element) cases.item(3)).getElementsByTagName("skipped").item(0);
        assertEquals("unsupported: no float32 exp", skipped.getAttribute("message"));
    }

    @Test
    void aFailedBackendShowsItsErrorAndTheRuleLimitsItsFailureBreaks() throws Exception {
        Results r = results(exp32(List.of(
                BackendResult.notRun("nd4j-cpu", Status.FAILED, "worker crashed with signal 11\nlast lines of stderr: ..."),
                ok("tensorflow-cpu", accuracy(1.0, 0.9, 1L, 0), true)), List.of()));
        RuleSpec rule = new RuleSpec(List.of("exp"), List.of(), List.of("nd4j-cpu"), List.of(
                new LimitSpec("maxUlp", null, "4", null, null), new LimitSpec("correctlyRounded", "99%", null, null, null)));
        CheckReport report = CheckReport.of("results.json", null, RuleChecker.check(r, RuleParser.parse(List.of(rule), r)), null);

        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JUnitXml.toBytes(r, report))).getDocumentElement();
        // Counted once, as an error: the violations explain it, they are not more failing tests.
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        Element nd4j = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("nd4j-cpu", nd4j.getAttribute("name"));
        assertEquals(1, nd4j.getElementsByTagName("error").getLength());
        NodeList failures = nd4j.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        assertEquals("case exp/float32 backend nd4j-cpu: failed (worker crashed with signal 11), so maxUlp cannot be checked",
                ((Element) failures.item(0)).getAttribute("message"));
        assertEquals("opcompare.RuleViolated", ((Element) failures.item(0)).getAttribute("type"));
        assertEquals("case exp/float32 backend nd4j-cpu: failed (worker crashed with signal 11), so correctlyRounded cannot be checked",
                ((Element) failures.item(1)).getAttribute("message"));
        Element tf = (Element) suite.getElementsByTagName("testcase").item(1);
        assertEquals(0, tf.getElementsByTagName("failure").getLength());
    }
}
