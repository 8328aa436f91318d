package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One special input of an op with the result IEEE 754-2019 and C99 Annex F prescribe, and what each
 * backend returned. For an elementwise op the input is one special value (or a pair, for a binary op);
 * for a reduction, softmax or matmul it is a short vector per operand ([1, NaN], [MAX, MAX, -MAX]), and
 * an op with several outputs (softmax, matmul) has one row per output of the same input.
 *
 * @param inputs the operands: single values in round-trip form ({@code "-0.0"}, {@code "NaN"}) for an
 *     elementwise op, vectors of them for the others
 * @param output which output of the input this row is, for softmax and matmul (row-major); null where
 *     the input has one output
 * @param expected the prescribed result: the exact result correctly rounded, which for these inputs is
 *     the one the standards fix (sqrt(-0) = -0, maximum(NaN, 1) = NaN, exp(-Infinity) = 0, the sum of
 *     [+Infinity, -Infinity] is NaN)
 * @param actual each backend's result, by backend id; a backend that failed on this input, or does not
 *     take it, has none ({@link Specials#backends} says which and why)
 * @param mismatches the backends whose result differs from {@code expected} in its bits (any NaN
 *     matches any NaN; -0 and +0 differ); empty when all agree
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecialValue(List<SpecialOperand> inputs, Integer output, String expected, Map<String, String> actual,
        List<String> mismatches) {

    /** A row of an elementwise op: one value per operand. */
    public static SpecialValue elementwise(List<String> inputs, String expected, Map<String, String> actual, List<String> mismatches) {
        return new SpecialValue(inputs.stream().map(SpecialOperand::scalar).toList(), null, expected, actual, mismatches);
    }

    /** The operands as a reader writes them: {@code 1.0, -0.0}, or {@code [1.0, NaN]}. */
    public String inputsText() {
        return inputs.stream().map(SpecialOperand::text).collect(Collectors.joining(", "));
    }

    /** This row with other results and mismatches (merged machines qualify the backend ids). */
    public SpecialValue with(Map<String, String> otherActual, List<String> otherMismatches) {
        return new SpecialValue(inputs, output, expected, otherActual, otherMismatches);
    }
}
