package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inputs of the mpmath cross-check that the reference got wrong before issue 15, each with the item
 * whose fix made it right: -0 for tiny positive results, and reduce_prod hanging on exact midpoints.
 * {@code MpmathCrossCheckTest.theBugsOfIssue15StayFixed} checks them on their own (some, like the
 * halfway products, are not among the main check's inputs), so a regression names its item.
 */
final class ReferenceBugsOfIssue15 {
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        // Item 1, the sign of zero on underflow: each exact value is positive and rounds to +0, but the
        // narrow-dtype fast pass answers -0.0 (its double result underflowed to 0, d - bound rounds to -0.0,
        // and -0.0 == +0.0 passes for a decision). pow at the binary ops' grid of landmarks (tiny or huge
        // x to a huge power):
        known("issue 15 item 1",
                "pow bfloat16 0001 7f7e", "pow bfloat16 0001 7f7f", "pow bfloat16 0080 7f7e",
                "pow bfloat16 0080 7f7f", "pow bfloat16 3f00 7f7e", "pow bfloat16 3f00 7f7f",
                "pow bfloat16 3f7f 7f7f", "pow bfloat16 3f81 ff7f", "pow bfloat16 3fc0 ff7f",
                "pow bfloat16 4000 ff7f", "pow bfloat16 4040 ff7f", "pow bfloat16 4120 ff7f",
                "pow bfloat16 7f7e ff7f", "pow bfloat16 7f7f ff7f", "pow bfloat16 8001 7f7e",
                "pow bfloat16 8001 7f7f", "pow bfloat16 8080 7f7e", "pow bfloat16 8080 7f7f",
                "pow bfloat16 c000 ff7f", "pow bfloat16 c040 ff7f", "pow bfloat16 ff7f ff7f",
                "pow float16 0001 7bfe", "pow float16 0001 7bff", "pow float16 3e00 fbff",
                "pow float16 4200 fbff", "pow float16 4900 fbff", "pow float16 7bfe fbff",
                "pow float16 7bff fbff", "pow float16 8001 7bfe", "pow float16 8001 7bff",
                "pow float16 c200 fbff", "pow float16 fbff fbff", "pow float32 00000001 7f7ffffe",
                "pow float32 00000001 7f7fffff", "pow float32 00800000 7f7ffffe", "pow float32 00800000 7f7fffff",
                "pow float32 3f000000 7f7ffffe", "pow float32 3f000000 7f7fffff", "pow float32 3f7fffff 7f7fffff",
                "pow float32 3f800001 ff7fffff", "pow float32 3fc00000 ff7fffff", "pow float32 40000000 ff7fffff",
                "pow float32 40400000 ff7fffff", "pow float32 41200000 ff7fffff", "pow float32 7f7ffffe ff7fffff",
                "pow float32 7f7fffff ff7fffff", "pow float32 80000001 7f7ffffe", "pow float32 80000001 7f7fffff",
                "pow float32 80800000 7f7ffffe", "pow float32 80800000 7f7fffff", "pow float32 c0000000 ff7fffff",
                "pow float32 c0400000 ff7fffff", "pow float32 ff7fffff ff7fffff");
        // sigmoid and softplus near x = -750 and -800 (e^x ≈ 1.9e-326 and 3.7e-348):
        known("issue 15 item 1",
                "sigmoid bfloat16 c43b", "sigmoid bfloat16 c43c", "sigmoid bfloat16 c43d",
                "sigmoid bfloat16 c447", "sigmoid bfloat16 c448", "sigmoid float16 e1db",
                "sigmoid float16 e1dc", "sigmoid float16 e1dd", "sigmoid float16 e23f",
                "sigmoid float16 e240", "sigmoid float32 c43b7fff", "sigmoid float32 c43b8000",
                "sigmoid float32 c43b8001", "sigmoid float32 c447ffff", "sigmoid float32 c4480000",
                "softplus bfloat16 c43b", "softplus bfloat16 c43c", "softplus bfloat16 c43d",
                "softplus bfloat16 c447", "softplus bfloat16 c448", "softplus float16 e1db",
                "softplus float16 e1dc", "softplus float16 e1dd", "softplus float16 e23f",
                "softplus float16 e240", "softplus float32 c43b7fff", "softplus float32 c43b8000",
                "softplus float32 c43b8001", "softplus float32 c447ffff", "softplus float32 c4480000");
        // Item 2: reduce_prod never finishes when the exact product is a midpoint (4097 * 4097 in float32,
        // 134217727^2 in float64, 1.0625^2 in bfloat16).
        known("issue 15 item 2", "reduce_prod float32 45800800,45800800", "reduce_prod float64 419ffffffc000000,419ffffffc000000",
                "reduce_prod bfloat16 3f88,3f88");
    }

    private ReferenceBugsOfIssue15() {
    }

    private static void known(String item, String... cases) {
        for (String c : cases) {
            CASES.put(c, item);
        }
    }

    /** The case a {@link CrossCheckCase#text()} line names. */
    static CrossCheckCase parse(String text) {
        String[] parts = text.split(" ");
        Op op = Op.of(parts[0]);
        DType dtype = DType.of(parts[1]);
        double[][] operands = new double[parts.length - 2][];
        for (int i = 2; i < parts.length; i++) {
            operands[i - 2] = Arrays.stream(parts[i].split(",")).mapToDouble(h -> dtype.decode(Long.parseUnsignedLong(h, 16))).toArray();
        }
        return new CrossCheckCase(op, dtype, operands);
    }
}
