package io.github.opcompare.engine.run;

import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.result.SpecialOperand;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;
import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.OpKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs an elementwise op on its special inputs: the dtype's ±0, ±smallest and ±largest subnormal,
 * ±smallest normal, ±1, ±largest finite, ±Infinity and NaN, and for a binary op every pair of them
 * (225). The prescribed result of each is the exact result correctly rounded: for these inputs the
 * reference settles it by the rules of IEEE 754-2019 and C99 Annex F (sqrt(-0) = -0, maximum
 * propagates NaN, pow(1, NaN) = 1), so each backend is compared with it bit for bit. Reductions,
 * softmax and matmul get a few special vectors instead ({@link VectorSpecials}), each run as its own call.
 *
 * <p>A backend that fails on them (throws, crashes, hangs on NaN or a subnormal) and a reference that
 * cannot settle them are recorded as failed with the reason, never left out: a backend missing from
 * the rows would otherwise count no mismatches, and pass a limit of 0 for exactly the worst reason.
 */
final class SpecialsRun {
    private final CachedReference.Computation reference;
    private final RunSettings settings;
    private final RunListener listener;

    /** @param reference the exact reference ({@code ReferenceCalculator::compute}; tests plant a failing one) */
    SpecialsRun(CachedReference.Computation reference, RunSettings settings, RunListener listener) {
        this.reference = reference;
        this.settings = settings;
        this.listener = listener;
    }

    /** The special inputs of each operand, aligned: for a binary op, x runs slowly and y fast over the pairs. */
    static List<Values> inputs(int arity, DType dtype) {
        Values special = DomainParser.parse("special").generate(dtype, 0, 0);
        if (arity == 1) {
            return List.of(special);
        }
        int n = special.length();
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = special.get(i);
                y[i * n + j] = special.get(j);
            }
        }
        return List.of(new Values(dtype, x), new Values(dtype, y));
    }

    /**
     * @param sessions the backends that ran the case successfully
     * @return the rows, one per special input (or pair) of an elementwise op, per special vector and output of
     *     the others ({@link VectorSpecials}), with whether the reference and each backend got through them;
     *     null for an op without special inputs
     */
    Specials run(PlannedCase planned, List<BackendSession> sessions, Path caseDir) {
        if (planned.op().kind() != OpKind.ELEMENTWISE) {
            return vectors(planned, sessions, caseDir);
        }
        DType dtype = planned.dtype();
        List<Values> inputs = inputs(planned.op().arity(), dtype);
        int n = inputs.get(0).length();
        Failures referenceFailures = new Failures();
        ExactResults exact = reference(planned, inputs, "", referenceFailures);
        if (exact == null) {
            // Nothing to judge the backends against: not run, and the reference's failure says why.
            return new Specials(referenceFailures.outcome(), Map.of(), List.of());
        }
        Map<String, Failures> backendFailures = failuresOf(sessions);
        Map<String, Values> outputs = runOn(planned, "", "", inputs, n, sessions, caseDir, backendFailures);
        List<SpecialValue> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> operands = new ArrayList<>();
            for (Values v : inputs) {
                operands.add(v.format(i));
            }
            Judged j = judge(dtype, exact.rounded(i), outputs, i);
            rows.add(SpecialValue.elementwise(operands, dtype.format(exact.rounded(i)), j.actual, j.mismatches));
        }
        return new Specials(referenceFailures.outcome(), outcomes(backendFailures), rows);
    }

    /** Each special vector is its own call (they differ in length); a softmax or matmul gives a row per output. */
    private Specials vectors(PlannedCase planned, List<BackendSession> sessions, Path caseDir) {
        List<List<Values>> vectors = VectorSpecials.of(planned.op(), planned.dtype());
        if (vectors.isEmpty()) {
            return null;
        }
        DType dtype = planned.dtype();
        Failures referenceFailures = new Failures();
        Map<String, Failures> backendFailures = failuresOf(sessions);
        List<SpecialValue> rows = new ArrayList<>();
        for (int k = 0; k < vectors.size(); k++) {
            List<Values> inputs = vectors.get(k);
            List<SpecialOperand> operands = inputs.stream()
                    .map(v -> SpecialOperand.vector(IntStream.range(0, v.length()).mapToObj(v::format).toList())).toList();
            String where = operands.stream().map(SpecialOperand::text).collect(Collectors.joining(", "));
            ExactResults exact = reference(planned, inputs, where, referenceFailures);
            if (exact == null) {
                continue;
            }
            Map<String, Values> outputs = runOn(planned, "-" + k, where, inputs, exact.length(), sessions, caseDir, backendFailures);
            for (int i = 0; i < exact.length(); i++) {
                Judged j = judge(dtype, exact.rounded(i), outputs, i);
                rows.add(new SpecialValue(operands, exact.length() == 1 ? null : i, dtype.format(exact.rounded(i)), j.actual,
                        j.mismatches));
            }
        }
        return new Specials(referenceFailures.outcome(), outcomes(backendFailures), rows);
    }

    /** The prescribed results, or null when the reference failed on them (recorded in {@code failures}). */
    private ExactResults reference(PlannedCase planned, List<Values> inputs, String where, Failures failures) {
        try {
            return reference.compute(planned.op(), planned.dtype(), inputs);
        } catch (RuntimeException e) {
            // The case itself ran; losing its specials is no reason to lose it, but it is no pass either.
            failures.add(where, String.valueOf(e.getMessage()));
            listener.warning(planned.label() + ": no reference for the special inputs" + (where.isEmpty() ? "" : " " + where) + ": "
                    + firstLine(e.getMessage()));
            return null;
        }
    }

    /**
     * Runs the op on the inputs on every session; the outputs of those that answered, by backend id. A
     * backend that did not answer (an error, a crash, no answer in time, an unreadable output) is
     * recorded in {@code failures}.
     */
    private Map<String, Values> runOn(PlannedCase planned, String tag, String where, List<Values> inputs, int outputLength,
            List<BackendSession> sessions, Path caseDir, Map<String, Failures> failures) {
        DType dtype = planned.dtype();
        int n = inputs.get(0).length();
        List<ArrayRef> refs = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Path file = caseDir.resolve("special" + tag + "-input-" + k + ".bin");
            RawArrayFiles.write(inputs.get(k), file);
            refs.add(new ArrayRef(file.toString(), n));
        }
        Map<String, Values> outputs = new LinkedHashMap<>();
        for (BackendSession session : sessions) {
            Path out = caseDir.resolve("special" + tag + "-output-" + session.id() + ".bin");
            String failure;
            boolean unsupported = false;
            try {
                WorkerReply reply = session.run(WorkerRequest.run(planned.label() + "@specials" + tag, planned.op().id(), dtype.id(),
                        refs, new ArrayRef(out.toString(), outputLength), 1), settings.caseTimeout());
                if (reply.ok()) {
                    outputs.put(session.id(), RawArrayFiles.read(out, dtype, outputLength));
                    continue;
                }
                // A recording has no values for inputs it was not recorded on: nothing to judge, no failure.
                unsupported = WorkerReply.UNSUPPORTED.equals(reply.status());
                failure = String.valueOf(reply.message());
            } catch (WorkerFailedException e) {
                failure = String.valueOf(e.getMessage());
            } catch (RuntimeException e) {
                failure = "the worker's output cannot be read: " + e;
            }
            failures.get(session.id()).add(where, failure, unsupported);
            listener.warning(planned.label() + ": the special inputs " + (where.isEmpty() ? "" : where + " ")
                    + (unsupported ? "are unsupported" : "failed") + " on "
                    + session.id() + ": " + firstLine(failure));
        }
        return outputs;
    }

    private static Map<String, Failures> failuresOf(List<BackendSession> sessions) {
        Map<String, Failures> failures = new LinkedHashMap<>();
        sessions.forEach(s -> failures.put(s.id(), new Failures()));
        return failures;
    }

    private static Map<String, SpecialsOutcome> outcomes(Map<String, Failures> failures) {
        Map<String, SpecialsOutcome> outcomes = new LinkedHashMap<>();
        failures.forEach((backend, f) -> outcomes.put(backend, f.outcome()));
        return outcomes;
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }

    /**
     * The failures of one party over the special calls: the first in full (the worker's message, with its
     * stack frames or stderr), and how many calls failed in all. A call the backend does not take
     * (unsupported) counts only where none failed.
     */
    private static final class Failures {
        private String failed;
        private int failedCount;
        private String unsupported;
        private int unsupportedCount;

        void add(String where, String message) {
            add(where, message, false);
        }

        /** @param where the special vector, or empty for the one call of an elementwise op */
        void add(String where, String message, boolean isUnsupported) {
            String text = where.isEmpty() ? message : where + ": " + message;
            if (isUnsupported) {
                unsupported = unsupported == null ? text : unsupported;
                unsupportedCount++;
            } else {
                failed = failed == null ? text : failed;
                failedCount++;
            }
        }

        SpecialsOutcome outcome() {
            if (failed != null) {
                return SpecialsOutcome.failed(withCount(failed, failedCount));
            }
            return unsupported != null ? SpecialsOutcome.unsupported(withCount(unsupported, unsupportedCount)) : SpecialsOutcome.ok();
        }

        /** The count goes on the first line, which is what one-line reports show. */
        private static String withCount(String first, int count) {
            String more = count == 1 ? "" : " (and " + (count - 1) + " more special vector" + (count == 2 ? "" : "s") + ")";
            int eol = first.indexOf('\n');
            return eol < 0 ? first + more : first.substring(0, eol) + more + first.substring(eol);
        }
    }

    private record Judged(Map<String, String> actual, List<String> mismatches) {
    }

    private static Judged judge(DType dtype, double expected, Map<String, Values> outputs, int i) {
        Map<String, String> actual = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Values> e : outputs.entrySet()) {
            double got = e.getValue().get(i);
            actual.put(e.getKey(), dtype.format(got));
            // doubleToLongBits: any NaN is the same NaN; -0 and +0 differ.
            if (Double.doubleToLongBits(got) != Double.doubleToLongBits(expected)) {
                mismatches.add(e.getKey());
            }
        }
        return new Judged(actual, mismatches);
    }
}
