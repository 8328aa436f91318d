package io.github.opcompare.engine.plan;

import java.util.List;

/**
 * What runs when a project configures no cases: the classic question "do TensorFlow and NumPy-style
 * libraries compute the same math?" asked of this machine's CPU, small enough to add well under
 * 90 s to a build.
 */
public final class DefaultSuite {
    private static final int FLOAT32_SIZE = 100_000;
    /** float64 references need more than double precision, so they cost more per value. */
    private static final int MIXED_SIZE = 20_000;
    private static final int REDUCTION_SIZE = 1_000_000;
    private static final long SEED = CaseSpec.DEFAULT_SEED;

    private DefaultSuite() {
    }

    public static List<CaseSpec> cases() {
        List<String> both = List.of("float32", "float64");
        return List.of(
                // NumPy's arange(100): the sqrt(1) = 0.99999994 question.
                new CaseSpec("sqrt", "sqrt", List.of("float32"), "range(0,100)", FLOAT32_SIZE, SEED),
                // exp also in the 16-bit formats: 20,000 samples are most of float16's values in the range.
                new CaseSpec("exp", "exp", List.of("float16", "bfloat16", "float32", "float64"), "binades(1e-6,80)", MIXED_SIZE, SEED),
                new CaseSpec("log", "log", both, "binades(1e-30,1e30)", MIXED_SIZE, SEED),
                new CaseSpec("sin", "sin", both, "binades(1e-4,1e4)", MIXED_SIZE, SEED),
                new CaseSpec("tanh", "tanh", both, "binades(1e-6,20)", MIXED_SIZE, SEED),
                new CaseSpec("maximum", "maximum", List.of("float32"), "gaussian(0,1);gaussian(0,1)", FLOAT32_SIZE, SEED),
                new CaseSpec("reduce_sum", "reduce_sum", List.of("float32"), "uniform(0,1)", REDUCTION_SIZE, SEED),
                new CaseSpec("reduce_max", "reduce_max", List.of("float32"), "gaussian(0,1)", REDUCTION_SIZE, SEED));
    }
}
