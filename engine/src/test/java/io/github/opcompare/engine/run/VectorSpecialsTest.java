package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The prescribed results of every special vector, written down from IEEE 754-2019 by hand and checked
 * against the reference, for float32 and float64 (M is the dtype's largest finite value).
 */
class VectorSpecialsTest {
    private static final ReferenceCalculator REFERENCE = new ReferenceCalculator();

    /** "inputs -> outputs" per special vector, values as the dtype formats them, M for the largest finite. */
    private static List<String> table(Op op, DType dtype) {
        String m = dtype.format(VectorSpecials.largestFinite(dtype));
        List<String> lines = new ArrayList<>();
        for (List<Values> in : VectorSpecials.of(op, dtype)) {
            ExactResults r = REFERENCE.compute(op, dtype, in);
            String inputs = in.stream().map(v -> IntStream.range(0, v.length()).mapToObj(v::format).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining(" ; "));
            String outputs = IntStream.range(0, r.length()).mapToObj(i -> dtype.format(r.rounded(i))).collect(Collectors.joining(" "));
            lines.add((inputs + " -> " + outputs).replace(m, "M"));
        }
        return lines;
    }

    private static void check(Op op, String... expected) {
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            assertEquals(List.of(expected), table(op, dtype), op + " " + dtype);
        }
    }

    @Test
    void sum() {
        check(Op.REDUCE_SUM,
                "1.0 NaN -> NaN", "Infinity -Infinity -> NaN", "Infinity 1.0 -> Infinity", "-0.0 -0.0 -> -0.0",
                "-0.0 0.0 -> 0.0", "1.0 -1.0 -> 0.0",
                // 2M is beyond the format; M + M - M is M exactly, though a naive sum overflows on the way.
                "M M -> Infinity", "M M -M -> M");
    }

    @Test
    void mean() {
        // The mean of [M, M] is M: only the intermediate sum leaves the format.
        check(Op.REDUCE_MEAN, "1.0 NaN -> NaN", "Infinity -Infinity -> NaN", "Infinity 1.0 -> Infinity", "-0.0 -0.0 -> -0.0",
                "M M -> M");
    }

    @Test
    void maxAndMinAreIeee2019MaximumAndMinimum() {
        check(Op.REDUCE_MAX, "1.0 NaN -> NaN", "NaN 1.0 -> NaN", "-0.0 0.0 -> 0.0", "0.0 -0.0 -> 0.0",
                "-Infinity -Infinity -> -Infinity");
        check(Op.REDUCE_MIN, "1.0 NaN -> NaN", "NaN 1.0 -> NaN", "-0.0 0.0 -> -0.0", "0.0 -0.0 -> -0.0",
                "Infinity Infinity -> Infinity");
    }

    @Test
    void product() {
        // 0 x Inf is invalid; the sign of a zero or infinite product is the exclusive or of the signs.
        check(Op.REDUCE_PROD, "0.0 Infinity -> NaN", "1.0 NaN -> NaN", "-0.0 1.0 -> -0.0", "-1.0 -0.0 -> 0.0",
                "Infinity -1.0 -> -Infinity", "M 2.0 0.5 -> M");
    }

    @Test
    void logSumExp() {
        // log(e^-Inf + e^-Inf) = log(0) = -Inf; log(e^Inf + e) = log(Inf) = Inf; log(e^-Inf + e^0) = log(1) = +0;
        // log(2 e^M) = M + ln 2, which rounds to M (ln 2 is far below half an ulp of M).
        check(Op.LOGSUMEXP, "-Infinity -Infinity -> -Infinity", "Infinity 1.0 -> Infinity", "Infinity Infinity -> Infinity",
                "NaN 1.0 -> NaN", "-Infinity 0.0 -> 0.0", "M M -> M");
    }

    @Test
    void softmax() {
        // e^-Inf = 0 exactly: (0/1, 1/1). NaN reaches every output. (0/0, 0/0) for all -Inf. (1/2, 1/2) for [M, M].
        check(Op.SOFTMAX, "-Infinity 0.0 -> 0.0 1.0", "NaN 1.0 -> NaN NaN", "-Infinity -Infinity -> NaN NaN", "M M -> 0.5 0.5");
    }

    @Test
    void matmul() {
        // [a b; c d] [e f; g h] = [ae+bg af+bh; ce+dg cf+dh].
        check(Op.MATMUL,
                // NaN in row 0 of A: row 0 of the product is NaN, row 1 is 1+1.
                "NaN 1.0 1.0 1.0 ; 1.0 1.0 1.0 1.0 -> NaN NaN 2.0 2.0",
                // Inf*0 + 1*1 is NaN; Inf*1 + 1*1 is Inf; 1*0 + 1*1 = 1; 1 + 1 = 2.
                "Infinity 1.0 1.0 1.0 ; 0.0 1.0 1.0 1.0 -> NaN Infinity 1.0 2.0",
                // Inf*1 + Inf*-1 is Inf - Inf, NaN; Inf + Inf = Inf; 1 - 1 = +0; 1 + 1 = 2.
                "Infinity Infinity 1.0 1.0 ; 1.0 1.0 -1.0 1.0 -> NaN Infinity 0.0 2.0",
                // 2M - M = M exactly, though 2M overflows; M*0 + M*0 = +0; 2 - 1 = 1; 0 + 0 = +0.
                "M M 1.0 1.0 ; 2.0 0.0 -1.0 0.0 -> M 0.0 1.0 0.0");
    }
}
