package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One of the worst results of a backend on a case.
 *
 * @param index position of the element in the input arrays
 * @param inputs the operands, as round-trip strings of the dtype
 * @param expected the correctly rounded result
 * @param exact the exact result to about 30 significant digits (or "NaN", "Infinity")
 * @param actual what the backend returned
 * @param ulp ulp error; null when undefined (NaN against a number)
 * @param steps representable values between actual and expected; null when undefined
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorstCase(
        long index,
        List<String> inputs,
        String expected,
        String exact,
        String actual,
        Double ulp,
        Long steps) {
}
