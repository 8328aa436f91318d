package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference against an independent high-precision library: Python's mpmath, through the script
 * {@code mpmath_reference.py} (a test resource), which shares no code or formula with the engine. Every
 * op of the catalog in every dtype, at the inputs of {@link CrossCheckInputs} (landmarks of each
 * dtype, each op's domain edges, published and scanned hard-to-round arguments, small vectors and
 * matrices), must round bit for bit as mpmath says. Inputs and results cross as hexadecimal bit
 * patterns in a temporary file, never as decimal text.
 *
 * <p>Skipped, with a message, where no Python can import mpmath ({@code .ci/run} installs Debian's
 * python3-mpmath, so CI always runs it).
 */
class MpmathCrossCheckTest {
    /** Per case; the whole of the engine's side takes seconds. */
    private static final long CASE_SECONDS = 20;
    private static final long PYTHON_SECONDS = 180;

    /**
     * The reference's bugs found by issue 15, each with the item that fixed it, checked on their own by
     * {@link #theBugsOfIssue15StayFixed} so that a regression names its item.
     */
    static final Map<String, String> ISSUE_15_BUGS = ReferenceBugsOfIssue15.CASES;

    private static String python;
    private static ExecutorService executor;

    @BeforeAll
    static void findPython() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if (PythonScript.canImport(candidate, "mpmath")) {
                python = candidate;
                break;
            }
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cross-check");
            t.setDaemon(true); // a reference that never answers must not keep the test JVM alive
            return t;
        });
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void everyOpAndDtypeRoundsAsMpmathSays(@TempDir Path dir) throws IOException {
        List<CrossCheckCase> cases = CrossCheckInputs.all();
        List<String> mismatches = compare(cases, dir);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " cases differ from mpmath"
                + " (op dtype input bits: expected, actual):\n" + mismatches.stream().limit(60).collect(Collectors.joining("\n")));
    }

    @Test
    void coversEveryOpAndDtype() {
        Map<String, Long> count = CrossCheckInputs.all().stream()
                .collect(Collectors.groupingBy(c -> c.op().id() + " " + c.dtype().id(), Collectors.counting()));
        for (Op op : Op.values()) {
            for (DType d : DType.values()) {
                assertTrue(count.getOrDefault(op.id() + " " + d.id(), 0L) >= 10, op + " " + d + " has too few cases");
            }
        }
    }

    @Test
    void theBugsOfIssue15StayFixed(@TempDir Path dir) throws IOException {
        List<CrossCheckCase> cases = new ArrayList<>();
        for (String text : ISSUE_15_BUGS.keySet()) {
            cases.add(ReferenceBugsOfIssue15.parse(text));
        }
        List<String> mismatches = compare(cases, dir);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /** Runs mpmath and the engine on the cases; one line per case that differs. */
    private List<String> compare(List<CrossCheckCase> cases, Path dir) throws IOException {
        assumeTrue(python != null, "no python3 here can import mpmath (Debian: apt-get install python3-mpmath); cross-check skipped");
        Path script = dir.resolve("mpmath_reference.py");
        try (InputStream in = getClass().getResourceAsStream("mpmath_reference.py")) {
            Files.copy(in, script);
        }
        Path input = dir.resolve("cases.txt");
        Path output = dir.resolve("expected.txt");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            lines.append(i).append(' ').append(cases.get(i).text()).append('\n');
        }
        Files.writeString(input, lines);
        PythonScript.run(python, PYTHON_SECONDS, script.toString(), input.toString(), output.toString());
        Map<Integer, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            expected.put(Integer.parseInt(line.substring(0, space)), line.substring(space + 1));
        }
        assertEquals(cases.size(), expected.size(), "mpmath answered only part of the cases");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CrossCheckCase c = cases.get(i);
            String want = expected.get(i);
            String got = engine(c);
            if (!agree(want, got)) {
                mismatches.add(c.text() + ": " + want + ", " + got);
            }
        }
        return mismatches;
    }

    /** Both "nan" (any NaN is one answer), or the same bits. */
    private static boolean agree(String want, String got) {
        return !want.startsWith("ERROR") && want.equals(got);
    }

    /** The engine's rounded outputs as the dtype's bit patterns, NaN as "nan", or what went wrong. */
    private String engine(CrossCheckCase c) {
        Future<double[]> f = executor.submit(() -> rounded(c));
        try {
            double[] r = f.get(CASE_SECONDS, TimeUnit.SECONDS);
            return Arrays.stream(r).mapToObj(v -> Double.isNaN(v) ? "nan" : CrossCheckCase.hex(c.dtype(), v))
                    .collect(Collectors.joining(","));
        } catch (TimeoutException e) {
            f.cancel(true);
            return "no answer within " + CASE_SECONDS + " s";
        } catch (ExecutionException e) {
            return "threw " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static double[] rounded(CrossCheckCase c) {
        ReferenceCalculator reference = new ReferenceCalculator();
        if (c.op().kind() == OpKind.ELEMENTWISE) {
            double x = c.operands()[0][0];
            double y = c.op().arity() == 2 ? c.operands()[1][0] : 0;
            return new double[] {reference.element(c.op(), c.dtype(), x, y).rounded()};
        }
        List<Values> inputs = Arrays.stream(c.operands()).map(v -> new Values(c.dtype(), v)).toList();
        ExactResults r = reference.compute(c.op(), c.dtype(), inputs);
        double[] out = new double[r.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.rounded(i);
        }
        return out;
    }
}
