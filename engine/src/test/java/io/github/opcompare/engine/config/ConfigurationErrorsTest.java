package io.github.opcompare.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.opcompare.engine.backend.SourceDescriptors;
import io.github.opcompare.engine.npy.NpyReader;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way to get the configuration wrong, with the exact message the user reads (the plugin
 * prefixes it with "opcompare configuration error: "). Each names the culprit and the valid choices.
 */
class ConfigurationErrorsTest {
    static final String OPS = "abs, neg, square, reciprocal, sqrt, rsqrt, cbrt, exp, exp2, expm1, log, log2, log10, log1p, sin, cos, tan,"
            + " asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, sigmoid, softplus, erf, erfc, floor, ceil, rint, add, sub,"
            + " mul, div, pow, atan2, maximum, minimum, mod, reduce_sum, reduce_mean, reduce_max, reduce_min, reduce_prod,"
            + " logsumexp, softmax, matmul";
    static final String DOMAINS = "range(start,stop[,step]), uniform(lo,hi), gaussian(mean,sd), binades(lo,hi), -binades(lo,hi), "
            + "values(v1,v2,...), special, exhaustive, exhaustive(lo,hi), file(path.npy)";
    static final long GIB = 1L << 30;

    static Executable plan(String op, String dtypes, String inputs, int size) {
        return () -> Planner.plan(List.of(new CaseSpec(null, op, dtypes == null ? List.of() : List.of(dtypes), inputs, size, 42)), 8 * GIB);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown op", plan("sqrtt", null, "uniform(0,1)", 10),
                        "Invalid case 1: Unknown op 'sqrtt'; valid ops are: " + OPS),
                Arguments.of("no op", plan(" ", null, "uniform(0,1)", 10),
                        "Invalid case 1: no <op> given; valid ops are: " + OPS),
                Arguments.of("unknown backend", (Executable) () -> SourceDescriptors.catalog().select(List.of("tensorflow-cpu,tensorflow-tpu")),
                        "Unknown backend 'tensorflow-tpu'; valid backends are: " + SourceDescriptors.catalog().validIds()),
                Arguments.of("unknown dtype", plan("exp", "float32,float128", "uniform(0,1)", 10),
                        "Invalid case 1: Unknown dtype 'float128'; valid dtypes are: float16, bfloat16, float32, float64"),
                Arguments.of("domain does not parse: unknown name", plan("exp", null, "unifrom(0,1)", 10),
                        "Invalid case 1: Cannot parse input domain 'unifrom(0,1)' at column 1: unknown domain 'unifrom'; valid domains are: " + DOMAINS),
                Arguments.of("domain does not parse: missing ')'", plan("exp", null, "uniform(0,1", 10),
                        "Invalid case 1: Cannot parse input domain 'uniform(0,1' at column 8: missing ')'; valid domains are: " + DOMAINS),
                Arguments.of("domain does not parse: not a number", plan("exp", null, "uniform(0, 1x)", 10),
                        "Invalid case 1: Cannot parse input domain 'uniform(0, 1x)' at column 12: '1x' is not a number; valid domains are: " + DOMAINS),
                Arguments.of("domain does not parse: trailing text", plan("exp", null, "special junk", 10),
                        "Invalid case 1: Cannot parse input domain 'special junk' at column 9: unexpected 'junk' after the domain; valid domains are: " + DOMAINS),
                Arguments.of("domain with the wrong number of arguments", plan("exp", null, "gaussian(0)", 10),
                        "Invalid case 1: Cannot parse input domain 'gaussian(0)' at column 9: gaussian takes 2 argument(s), got 1; valid domains are: " + DOMAINS),
                Arguments.of("empty operand", plan("add", null, "uniform(0,1);;uniform(0,1)", 10),
                        "Invalid case 1: Cannot parse input domains 'uniform(0,1);;uniform(0,1)' at column 14: empty operand between ';'; valid domains are: " + DOMAINS),
                Arguments.of("lo >= hi", plan("exp", null, "uniform(1,1)", 10),
                        "Invalid case 1: Cannot parse input domain 'uniform(1,1)' at column 9: lo must be less than hi, got lo=1.0, hi=1.0; valid domains are: " + DOMAINS),
                Arguments.of("binades lo <= 0", plan("log", null, "binades(0,1)", 10),
                        "Invalid case 1: Cannot parse input domain 'binades(0,1)' at column 9: lo must be greater than 0 (binades are magnitudes), got 0.0; valid domains are: " + DOMAINS),
                Arguments.of("sd <= 0", plan("exp", null, "gaussian(0,-1)", 10),
                        "Invalid case 1: Cannot parse input domain 'gaussian(0,-1)' at column 12: sd must be greater than 0, got -1.0; valid domains are: " + DOMAINS),
                Arguments.of("range step 0", plan("exp", null, "range(0,10,0)", 10),
                        "Invalid case 1: Cannot parse input domain 'range(0,10,0)' at column 12: step must not be 0; valid domains are: " + DOMAINS),
                Arguments.of("infinite bound", plan("exp", null, "uniform(-inf,0)", 10),
                        "Invalid case 1: Cannot parse input domain 'uniform(-inf,0)' at column 9: '-inf' must be a finite number; valid domains are: " + DOMAINS),
                Arguments.of("size 0", plan("exp", null, "uniform(0,1)", 0),
                        "Invalid case 1: <size> is 0, but it must be at least 1"),
                Arguments.of("size negative", plan("exp", null, "uniform(0,1)", -5),
                        "Invalid case 1: <size> is -5, but it must be at least 1"),
                Arguments.of("size beyond any case", plan("exp", null, "uniform(0,1)", 60_000_000),
                        "Invalid case 1: <size> is 60000000, but at most 50000000 elements fit in one case"),
                Arguments.of("size too large for the heap", (Executable) () -> Planner.plan(List.of(
                        new CaseSpec(null, "add", List.of("float64"), "uniform(0,1);uniform(0,1)", 10_000_000, 42)), GIB),
                        "Invalid case 1: 10000000 values of float64 per operand need about 1069 MiB of heap, but this JVM may use"
                                + " at most 1024 MiB; lower <size> or give Maven more heap (e.g. MAVEN_OPTS=-Xmx3g)"),
                Arguments.of("too few operands", plan("maximum", null, "uniform(0,1)", 10),
                        "Invalid case 1: op 'maximum' takes 2 operands, but <inputs> 'uniform(0,1)' gives 1"
                                + " (separate operands with ';', e.g. uniform(-1,1);uniform(-1,1))"),
                Arguments.of("too many operands", plan("sqrt", null, "uniform(0,1);uniform(0,1)", 10),
                        "Invalid case 1: op 'sqrt' takes 1 operand, but <inputs> 'uniform(0,1);uniform(0,1)' gives 2"
                                + " (separate operands with ';', e.g. uniform(-1,1))"),
                Arguments.of("matmul operands not square", plan("matmul", null, "uniform(0,1);uniform(0,1)", 10),
                        "Invalid case 1: matmul takes n x n matrices as n*n values per operand, but got 10 values (nearest squares: 9, 16)"),
                Arguments.of("operands of different fixed lengths", plan("add", null, "values(1,2);values(1,2,3)", 10),
                        "Invalid case 1: Operands have different lengths: 'values(1,2)' has 2 values but 'values(1,2,3)' has 3;"
                                + " give fixed-length domains the same number of values"),
                Arguments.of("duplicate case ids", (Executable) () -> Planner.plan(List.of(
                        new CaseSpec("a", "exp", List.of(), "uniform(0,1)", 5, 1), new CaseSpec("a", "log", List.of(), "uniform(1,2)", 5, 1))),
                        "Two cases have the id 'a'; case ids must be unique"),
                Arguments.of("missing .npy", (Executable) () -> NpyReader.read(Path.of("target/no-such-recording.npy")),
                        "target/no-such-recording.npy: cannot read the file: java.nio.file.NoSuchFileException: target/no-such-recording.npy"),
                Arguments.of("not a .npy", (Executable) () -> NpyReader.read("sqrt,1.0\n".repeat(3).getBytes(StandardCharsets.UTF_8), "sqrt.npy"),
                        "sqrt.npy: not a .npy file: it does not start with the magic \\x93NUMPY"),
                Arguments.of("truncated .npy", (Executable) () -> NpyReader.read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 8), "t.npy"),
                        "t.npy: shape (3,) of <f4 needs 12 data bytes, but the file has 8 (truncated)"),
                Arguments.of(".npy of integers", (Executable) () -> NpyReader.read(npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", 8), "i.npy"),
                        "i.npy: dtype '<i4' is not supported; float16, float32 and float64 of either byte order are (<f2, >f2, <f4, >f4, <f8, >f8)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void theMessageNamesTheCulpritAndTheValidChoices(String what, Executable configure, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, configure);
        assertEquals(expected, e.getMessage());
    }

    /** A version 1.0 .npy file with the given header and that many data bytes. */
    static byte[] npy(String header, int dataBytes) {
        int total = 10 + header.length() + 1;
        int padded = (total + 63) / 64 * 64;
        StringBuilder h = new StringBuilder(header);
        while (10 + h.length() + 1 < padded) {
            h.append(' ');
        }
        h.append('\n');
        byte[] out = new byte[10 + h.length() + dataBytes];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (h.length() & 0xff);
        out[9] = (byte) (h.length() >> 8);
        System.arraycopy(h.toString().getBytes(StandardCharsets.US_ASCII), 0, out, 10, h.length());
        return out;
    }
}
