package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One element of a case side by side: its inputs, the exact and correctly rounded results, and what
 * every backend returned, as people print two arrays to compare them.
 *
 * @param index position of the element in the input arrays (of the output, for a reduction)
 * @param inputs the operands, as round-trip strings of the dtype ("1000000 values" for a reduction)
 * @param expected the correctly rounded result
 * @param exact the exact result correctly rounded to {@code exactDigits} significant digits (see
 *     {@link WorstCase#exact()})
 * @param exactDigits the significant digits {@code exact} was rounded to; null where it is no rounded number
 * @param outputs each backend's result by backend id, in the order of the case's results
 * @param worstOf the backends for which this element is among their worst; empty for an element
 *     listed only because it comes first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueRow(
        long index,
        List<String> inputs,
        String expected,
        String exact,
        Integer exactDigits,
        Map<String, String> outputs,
        List<String> worstOf) {

    /** A row without the count of exact digits (files written before it existed, test fixtures). */
    public ValueRow(long index, List<String> inputs, String expected, String exact, Map<String, String> outputs,
            List<String> worstOf) {
        this(index, inputs, expected, exact, null, outputs, worstOf);
    }
}
