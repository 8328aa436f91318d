package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One of the worst results of a backend on a case.
 *
 * @param index position of the element in the input arrays
 * @param inputs the operands, as round-trip strings of the dtype
 * @param expected the correctly rounded result
 * @param exact the exact result correctly rounded to {@code exactDigits} significant digits, trailing
 *     zeros dropped; "NaN", "Infinity", "-Infinity", "0.0" or "-0.0" as they are; null when not even one
 *     digit is known
 * @param exactDigits the significant digits {@code exact} was rounded to (30, fewer where that is all
 *     that is known); null for NaN, the infinities and exact zeros, and in files written before it existed
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
        Integer exactDigits,
        String actual,
        Double ulp,
        Long steps) {

    /** A worst case without the count of exact digits (files written before it existed, test fixtures). */
    public WorstCase(long index, List<String> inputs, String expected, String exact, String actual, Double ulp, Long steps) {
        this(index, inputs, expected, exact, null, actual, ulp, steps);
    }
}
