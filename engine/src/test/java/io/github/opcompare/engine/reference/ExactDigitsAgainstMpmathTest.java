package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.engine.accuracy.AccuracyAnalyzer;
import io.github.opcompare.engine.accuracy.ValueSampler;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.ValueRow;
import io.github.opcompare.engine.result.WorstCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every digit of the exact values in worst lists and side-by-side rows, checked against Python's
 * mpmath: for every op, in two dtypes each (all four in turn), on random inputs from the op's
 * default domain and on edge inputs (the dtype's largest value, its smallest subnormal, ±1, -800;
 * the dtype's nearest π, π/2 and neighbours of 1, where results cancel; huge exponents for pow),
 * every element's exact text must be the true value correctly rounded to its {@code exactDigits}
 * significant digits. mpmath evaluates each value at two precisions (60 and
 * 120 digits, more for huge arguments), which must agree. Skipped where no Python with mpmath is
 * installed.
 *
 * <p>The guarantee tested is the one given: the text is the true value rounded to nearest (ties to
 * even) to exactDigits digits, trailing zeros dropped; exact zeros are exactly zero. NaN and infinite
 * results and non-finite inputs (C99's special tables, which mpmath does not follow) are checked in
 * {@link ExactDecimalsTest}.
 */
class ExactDigitsAgainstMpmathTest {
    private static final List<DType> DTYPES = List.of(DType.FLOAT16, DType.BFLOAT16, DType.FLOAT32, DType.FLOAT64);
    private static String python;

    @BeforeAll
    static void findPython() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import mpmath").redirectErrorStream(true).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    python = candidate;
                    return;
                }
            } catch (IOException | InterruptedException e) {
                // Not this one.
            }
        }
    }

    /** One shown value: the op, the operands of its element (or the whole vectors), and what was shown. */
    record Shown(String op, String dtype, List<String> args, List<List<String>> vectors, int index, String text,
            Integer digits) {
    }

    @Test
    void everyShownDigitIsRight(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(python != null, "no python3 with mpmath: exact digits not cross-checked");
        List<Shown> shown = new ArrayList<>();
        ReferenceCalculator reference = new ReferenceCalculator();
        Op[] ops = Op.values();
        for (int k = 0; k < ops.length; k++) {
            Op op = ops[k];
            for (DType dtype : List.of(DTYPES.get(k % 4), DTYPES.get((k + 1) % 4))) {
                for (List<Values> inputs : inputsFor(op, dtype, k)) {
                    shown.addAll(collect(op, dtype, inputs, reference));
                }
            }
        }
        Path in = dir.resolve("shown.jsonl");
        ObjectMapper json = new ObjectMapper();
        Files.write(in, shown.stream().map(s -> {
            try {
                return json.writeValueAsString(s);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python, "-c", ORACLE, in.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "mpmath did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertEquals(shown.size(), lines.size(), out);
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("ok")) {
                checked++;
            } else if (!lines.get(i).equals("skip")) {
                bad.add(shown.get(i) + ": " + lines.get(i));
            }
        }
        assertEquals(List.of(), bad);
        assertTrue(checked > 600, "only " + checked + " values checked");
    }

    /** Worst entries and rows of one case, after checking that both say the same for each element. */
    private static List<Shown> collect(Op op, DType dtype, List<Values> inputs, ReferenceCalculator reference) {
        ExactResults exact = reference.compute(op, dtype, inputs);
        int n = exact.length();
        double[] wrong = new double[n];
        for (int i = 0; i < n; i++) {
            double r = exact.rounded(i);
            // One step away from the correctly rounded value, so every element makes the worst list.
            wrong[i] = Double.isFinite(r) ? dtype.decode(dtype.encode(r) + 1) : r;
        }
        Values actual = new Values(dtype, wrong);
        ExactDecimals decimals = new ExactDecimals(op, inputs, exact);
        Accuracy a = AccuracyAnalyzer.analyze(op, dtype, inputs, exact, decimals, actual, n);
        List<ValueRow> rows = ValueSampler.rows(op, inputs, exact, decimals, Map.of("b", actual),
                List.of(new BackendResult("b", "ok", null, a, null, null, null, null, null, null)));
        Map<Long, ValueRow> byIndex = new LinkedHashMap<>();
        rows.forEach(r -> byIndex.put(r.index(), r));
        List<Shown> out = new ArrayList<>();
        boolean elementwise = op.kind() == OpKind.ELEMENTWISE;
        for (WorstCase w : a.worst()) {
            int i = (int) w.index();
            ValueRow row = byIndex.get(w.index());
            if (row != null) {
                assertEquals(w.exact(), row.exact(), op + " " + dtype + " element " + i);
                assertEquals(w.exactDigits(), row.exactDigits(), op + " " + dtype + " element " + i);
            }
            assertTrue(w.exact() != null, "nothing known of " + op + " " + dtype + " element " + i);
            if (w.exactDigits() != null) {
                int least = op == Op.SOFTMAX || op == Op.LOGSUMEXP ? 20 : 29;
                assertTrue(w.exactDigits() >= least, op + " " + dtype + " element " + i + ": " + w.exactDigits() + " digits");
            }
            List<String> args = elementwise ? inputs.stream().map(v -> Double.toHexString(v.get(i))).toList() : List.of();
            List<List<String>> vectors = elementwise ? List.of()
                    : inputs.stream().map(v -> Arrays.stream(v.array()).mapToObj(Double::toHexString).toList()).toList();
            out.add(new Shown(op.id(), dtype.id(), args, vectors, i, w.exact(), w.exactDigits()));
        }
        return out;
    }

    /** Random inputs from the op's default domain, then edge inputs of the dtype (each a separate case). */
    private static List<List<Values>> inputsFor(Op op, DType dtype, long seed) {
        List<InputDomain> domains = DomainParser.splitOperands(op.defaultInputs()).stream().map(DomainParser::parse).toList();
        int size = switch (op.kind()) {
            case ELEMENTWISE -> 6;
            case MATRIX -> 16;
            default -> 24;
        };
        List<List<Values>> cases = new ArrayList<>();
        cases.add(InputPlan.generate(domains, dtype, size, seed));
        double max = dtype.maxValue();
        double tiny = dtype.minSubnormal();
        switch (op.kind()) {
            case ELEMENTWISE -> {
                if (op.arity() == 1) {
                    cases.add(List.of(values(dtype, tiny, max, -max, 1, -1, 30, -800)));
                    // Where the result cancels: next to π, π/2 and 1 in the dtype.
                    double ulpOfOne = Math.scalb(1.0, 1 - dtype.precision());
                    cases.add(List.of(values(dtype, Math.PI, Math.PI / 2, 1 + ulpOfOne, 1 - ulpOfOne / 2)));
                } else {
                    double nearOne = 1 + Math.scalb(1.0, 1 - dtype.precision());
                    cases.add(List.of(values(dtype, max, tiny, -3, 0.5, nearOne, 2, 1e-30),
                            values(dtype, 2, 3, 101, 1100, max, -max, 1e30)));
                }
            }
            case REDUCTION -> {
                cases.add(List.of(values(dtype, max, max / 2, 3, -800, 1, 0.5)));
                cases.add(List.of(values(dtype, 0, -50, -1e4, tiny, 7)));
            }
            case VECTOR -> cases.add(List.of(values(dtype, 0, -2000, -30, 5, tiny, -max)));
            case MATRIX -> cases.add(List.of(values(dtype, max, 1, tiny, -3), values(dtype, 0.5, -max, 3, tiny)));
        }
        return cases;
    }

    private static Values values(DType dtype, double... v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = dtype.round(v[i]);
        }
        return new Values(dtype, r);
    }

    /**
     * The oracle: for each shown value, the true value from mpmath, rounded half to even to the digits
     * shown, compared with the text as sign, digit string and decimal exponent (which may be too large
     * for any float format).
     */
    private static final String ORACLE = String.join("\n",
            "import sys, json, math, mpmath",
            "from mpmath import mp, mpf",
            "from decimal import Decimal, ROUND_HALF_EVEN, getcontext",
            "getcontext().prec = 400",
            "def h(s): return mpf(float.fromhex(s))",
            "def rint(x): return mpf(round(float(x)))",
            "def cbrt(x): return mpmath.sign(x) * mpmath.cbrt(abs(x))",
            "def pw(x, y):",
            "    if x < 0:",
            "        if y != mpmath.floor(y): return mpf('nan')",
            "        s = -1 if int(y) % 2 else 1",
            "        return s * mpmath.power(-x, y)",
            "    return mpmath.power(x, y)",
            "def atan2(y, x, ys, xs):",
            "    if y == 0:",
            "        neg_x = x < 0 or (x == 0 and xs.startswith('-'))",
            "        return mpmath.pi if neg_x else mpf(0)",
            "    return mpmath.atan2(y, x)",
            "U = {'abs': abs, 'neg': lambda x: -x, 'square': lambda x: x * x, 'reciprocal': lambda x: 1 / x,",
            "     'sqrt': mpmath.sqrt, 'rsqrt': lambda x: 1 / mpmath.sqrt(x), 'cbrt': cbrt, 'exp': mpmath.exp,",
            "     'exp2': lambda x: mpmath.power(2, x), 'expm1': mpmath.expm1, 'log': mpmath.log,",
            "     'log2': lambda x: mpmath.log(x, 2), 'log10': mpmath.log10, 'log1p': mpmath.log1p, 'sin': mpmath.sin,",
            "     'cos': mpmath.cos, 'tan': mpmath.tan, 'asin': mpmath.asin, 'acos': mpmath.acos, 'atan': mpmath.atan,",
            "     'sinh': mpmath.sinh, 'cosh': mpmath.cosh, 'tanh': mpmath.tanh, 'asinh': mpmath.asinh,",
            "     'acosh': mpmath.acosh, 'atanh': mpmath.atanh, 'sigmoid': lambda x: 1 / (1 + mpmath.exp(-x)),",
            "     'softplus': lambda x: mpmath.log1p(mpmath.exp(x)), 'erf': mpmath.erf, 'erfc': mpmath.erfc,",
            "     'floor': mpmath.floor, 'ceil': mpmath.ceil, 'rint': rint}",
            "B = {'add': lambda x, y: x + y, 'sub': lambda x, y: x - y, 'mul': lambda x, y: x * y,",
            "     'div': lambda x, y: x / y, 'pow': pw, 'maximum': max, 'minimum': min,",
            "     'mod': lambda x, y: mpf(math.fmod(float(x), float(y)))}",
            "def truth(s):",
            "    op = s['op']",
            "    if op in U: return U[op](h(s['args'][0]))",
            "    if op == 'atan2': return atan2(h(s['args'][0]), h(s['args'][1]), s['args'][0], s['args'][1])",
            "    if op in B: return B[op](h(s['args'][0]), h(s['args'][1]))",
            "    x = [h(v) for v in s['vectors'][0]]",
            "    i = s['index']",
            "    if op == 'reduce_sum': return mpmath.fsum(x)",
            "    if op == 'reduce_mean': return mpmath.fsum(x) / len(x)",
            "    if op == 'reduce_prod': return mpmath.fprod(x)",
            "    if op == 'reduce_max': return max(x)",
            "    if op == 'reduce_min': return min(x)",
            "    if op == 'logsumexp': return mpmath.log(mpmath.fsum(mpmath.exp(v) for v in x))",
            "    if op == 'softmax': return mpmath.exp(x[i]) / mpmath.fsum(mpmath.exp(v) for v in x)",
            "    if op == 'matmul':",
            "        b = [h(v) for v in s['vectors'][1]]",
            "        n = int(round(len(x) ** 0.5))",
            "        r, c = divmod(i, n)",
            "        return mpmath.fsum(x[r * n + k] * b[k * n + c] for k in range(n))",
            "    raise ValueError(op)",
            "def rounded(v, n):",
            "    e = int(mpmath.floor(mpmath.log10(abs(v))))",
            "    m = abs(v) / mpmath.power(10, e)",
            "    while m >= 10: m /= 10; e += 1",
            "    while m < 1: m *= 10; e -= 1",
            "    d = Decimal(mpmath.nstr(m, n + 30, strip_zeros=False, min_fixed=-1, max_fixed=3))",
            "    d = d.quantize(Decimal(1).scaleb(-(n - 1)), rounding=ROUND_HALF_EVEN)",
            "    if d >= 10: d = (d / 10).quantize(Decimal(1).scaleb(-(n - 1)), rounding=ROUND_HALF_EVEN); e += 1",
            "    return (-1 if v < 0 else 1, str(d).replace('.', '').rstrip('0'), e)",
            "def parse(t):",
            "    sign = -1 if t.startswith('-') else 1",
            "    t = t.lstrip('-')",
            "    mant, ex = (t.split('E') + ['0'])[:2]",
            "    d = Decimal(mant).as_tuple()",
            "    digits = ''.join(map(str, d.digits)).lstrip('0')",
            "    e = d.exponent + len(''.join(map(str, d.digits)).lstrip('0')) - 1 + int(ex)",
            "    return (sign, digits.rstrip('0'), e)",
            "def size(a):",
            "    try:",
            "        f = abs(float.fromhex(a))",
            "        return max(0, math.ceil(math.log10(f))) if f > 1 and math.isfinite(f) else 0",
            "    except ValueError: return 0",
            "def check(s):",
            "    if s['text'] in ('NaN', 'Infinity', '-Infinity'): return 'skip'",
            "    every = s['args'] + [a for v in s['vectors'] for a in v]",
            "    if any(not math.isfinite(float.fromhex(a)) for a in every): return 'skip'",
            "    extra = sum(size(a) for a in s['args']) + (max((size(a) for a in every), default=0) if s['vectors'] else 0)",
            "    if s['op'] == 'pow': extra += 2 * max(size(a) for a in s['args'])",
            "    if s['op'] == 'erfc': extra += 2 * size(s['args'][0])",
            "    vs = []",
            "    for dps in (60 + extra, 120 + 2 * extra):",
            "        with mp.workdps(dps): vs.append(truth(s))",
            "    if s['text'] in ('0.0', '-0.0'):",
            "        return 'ok' if vs[0] == 0 and vs[1] == 0 else 'shown as zero, mpmath: %s' % mpmath.nstr(vs[1], 20)",
            "    if s['digits'] is None: return 'no digits for %s' % s['text']",
            "    if vs[0] == 0 or vs[1] == 0: return 'mpmath gives 0'",
            "    n = s['digits']",
            "    with mp.workdps(120 + 2 * extra):",
            "        a, b = rounded(vs[0], n), rounded(vs[1], n)",
            "    if a != b: return 'mpmath unstable: %s vs %s' % (a, b)",
            "    got = parse(s['text'])",
            "    return 'ok' if got == a else 'true value to %d digits: %s, shown %s' % (n, a, got)",
            "for line in open(sys.argv[1]):",
            "    print(check(json.loads(line)), flush=True)",
            "");
}
