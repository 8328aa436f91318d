package io.github.opcompare.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.worker.dtype.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever a user types into {@code <inputs>}, the domain parser either accepts it (and the domain
 * then generates values) or throws an IllegalArgumentException whose message quotes the input;
 * never anything else. In regression mode (every {@code mvn verify}) it runs the seeds under
 * src/test/resources; with JAZZER_FUZZ=1 (a surefire execution of the engine's pom) Jazzer fuzzes
 * it, coverage-guided, for a bounded time.
 */
class DomainParserFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void parsesOrExplains(FuzzedDataProvider data) {
        String inputs = data.consumeRemainingAsString();
        List<String> operands;
        try {
            operands = DomainParser.splitOperands(inputs);
        } catch (IllegalArgumentException e) {
            assertExplains(e, inputs);
            return;
        }
        List<InputDomain> domains = new ArrayList<>();
        for (String operand : operands) {
            try {
                domains.add(DomainParser.parse(operand));
            } catch (IllegalArgumentException e) {
                assertExplains(e, operand);
            }
        }
        for (InputDomain domain : domains) {
            for (DType dtype : DType.values()) {
                // exhaustive(0,1) has a billion float32 values: the planner refuses a case that large
                // before anything is generated (or sweeps it in chunks), so the property stops here.
                if (domain.fixedLength(dtype) > 1_000_000) {
                    continue;
                }
                try {
                    InputPlan.generate(List.of(domain), dtype, 8, 42);
                } catch (IllegalArgumentException e) {
                    assertExplains(e, domain.expression());
                }
            }
        }
    }

    private static void assertExplains(IllegalArgumentException e, String input) {
        String message = e.getMessage();
        assertTrue(message != null && !message.isBlank(), "an error without a message for '" + input + "'");
        assertFalse(e instanceof NumberFormatException, "a bare NumberFormatException for '" + input + "': " + message);
        assertTrue(input.isBlank() || message.contains(input.strip()), "the message does not quote the input '" + input + "': " + message);
    }
}
