package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One operand of a special input: a single value for an elementwise op (JSON {@code "-0.0"}, as
 * results.json always had it), or a whole vector for a reduction, softmax or matmul (JSON
 * {@code ["1.0", "NaN"]}; a matmul operand is its n x n matrix in row-major order).
 *
 * @param values the value, or the vector's values, in the dtype's round-trip form
 * @param vector whether the operand is a vector
 */
public record SpecialOperand(List<String> values, boolean vector) {
    public SpecialOperand {
        values = List.copyOf(values);
        if (!vector && values.size() != 1) {
            throw new IllegalArgumentException("a scalar operand has one value, not " + values.size());
        }
    }

    public static SpecialOperand scalar(String value) {
        return new SpecialOperand(List.of(value), false);
    }

    public static SpecialOperand vector(List<String> values) {
        return new SpecialOperand(values, true);
    }

    /** A string for a single value, an array of strings for a vector. */
    @JsonValue
    public Object json() {
        return vector ? values : values.get(0);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SpecialOperand fromJson(Object json) {
        if (json instanceof List<?> list) {
            List<String> values = new ArrayList<>(list.size());
            list.forEach(v -> values.add(String.valueOf(v)));
            return vector(values);
        }
        return scalar(String.valueOf(json));
    }

    /** As a reader writes it: {@code -0.0}, or {@code [1.0, NaN]}. */
    public String text() {
        return vector ? "[" + String.join(", ", values) + "]" : values.get(0);
    }
}
