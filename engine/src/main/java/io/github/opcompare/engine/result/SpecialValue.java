package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One special input of an op (or pair of them, for a binary op) with the result IEEE 754-2019 and
 * C99 Annex F prescribe, and what each backend returned.
 *
 * @param inputs the operands, as dtype values in round-trip form ({@code "-0.0"}, {@code "NaN"})
 * @param expected the prescribed result: the exact result correctly rounded, which for these inputs is
 *     the one the standards fix (sqrt(-0) = -0, maximum(NaN, 1) = NaN, exp(-Infinity) = 0)
 * @param actual each backend's result, by backend id
 * @param mismatches the backends whose result differs from {@code expected} in its bits (any NaN
 *     matches any NaN; -0 and +0 differ); empty when all agree
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecialValue(List<String> inputs, String expected, Map<String, String> actual, List<String> mismatches) {
}
