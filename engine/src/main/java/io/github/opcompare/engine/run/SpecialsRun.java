package io.github.opcompare.engine.run;

import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.SpecialOperand;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.worker.ArrayRef;
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
import java.util.stream.IntStream;

/**
 * Runs an elementwise op on its special inputs: the dtype's ±0, ±smallest and ±largest subnormal,
 * ±smallest normal, ±1, ±largest finite, ±Infinity and NaN, and for a binary op every pair of them
 * (225). The prescribed result of each is the exact result correctly rounded: for these inputs the
 * reference settles it by the rules of IEEE 754-2019 and C99 Annex F (sqrt(-0) = -0, maximum
 * propagates NaN, pow(1, NaN) = 1), so each backend is compared with it bit for bit. Reductions,
 * softmax and matmul get a few special vectors instead ({@link VectorSpecials}), each run as its own call.
 */
final class SpecialsRun {
    private final ReferenceCalculator reference;
    private final RunSettings settings;
    private final RunListener listener;

    SpecialsRun(ReferenceCalculator reference, RunSettings settings, RunListener listener) {
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
     * @return one row per special input (or pair) of an elementwise op, per special vector and output of
     *     the others ({@link VectorSpecials}); null for an op without special inputs
     */
    List<SpecialValue> run(PlannedCase planned, List<BackendSession> sessions, Path caseDir) {
        if (planned.op().kind() != OpKind.ELEMENTWISE) {
            return vectors(planned, sessions, caseDir);
        }
        DType dtype = planned.dtype();
        List<Values> inputs = inputs(planned.op().arity(), dtype);
        int n = inputs.get(0).length();
        ExactResults exact = reference(planned, inputs);
        if (exact == null) {
            return null;
        }
        Map<String, Values> outputs = runOn(planned, "", inputs, n, sessions, caseDir);
        List<SpecialValue> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> operands = new ArrayList<>();
            for (Values v : inputs) {
                operands.add(v.format(i));
            }
            Judged j = judge(dtype, exact.rounded(i), outputs, i);
            rows.add(SpecialValue.elementwise(operands, dtype.format(exact.rounded(i)), j.actual, j.mismatches));
        }
        return rows;
    }

    /** Each special vector is its own call (they differ in length); a softmax or matmul gives a row per output. */
    private List<SpecialValue> vectors(PlannedCase planned, List<BackendSession> sessions, Path caseDir) {
        List<List<Values>> vectors = VectorSpecials.of(planned.op(), planned.dtype());
        if (vectors.isEmpty()) {
            return null;
        }
        DType dtype = planned.dtype();
        List<SpecialValue> rows = new ArrayList<>();
        for (int k = 0; k < vectors.size(); k++) {
            List<Values> inputs = vectors.get(k);
            ExactResults exact = reference(planned, inputs);
            if (exact == null) {
                continue;
            }
            Map<String, Values> outputs = runOn(planned, "-" + k, inputs, exact.length(), sessions, caseDir);
            List<SpecialOperand> operands = inputs.stream()
                    .map(v -> SpecialOperand.vector(IntStream.range(0, v.length()).mapToObj(v::format).toList())).toList();
            for (int i = 0; i < exact.length(); i++) {
                Judged j = judge(dtype, exact.rounded(i), outputs, i);
                rows.add(new SpecialValue(operands, exact.length() == 1 ? null : i, dtype.format(exact.rounded(i)), j.actual,
                        j.mismatches));
            }
        }
        return rows;
    }

    private ExactResults reference(PlannedCase planned, List<Values> inputs) {
        try {
            return reference.compute(planned.op(), planned.dtype(), inputs);
        } catch (RuntimeException e) {
            // The case itself ran; losing its specials is no reason to lose it.
            listener.warning(planned.label() + ": no reference for the special inputs: " + e.getMessage());
            return null;
        }
    }

    /** Runs the op on the inputs on every session; the outputs of those that answered, by backend id. */
    private Map<String, Values> runOn(PlannedCase planned, String tag, List<Values> inputs, int outputLength,
            List<BackendSession> sessions, Path caseDir) {
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
            try {
                WorkerReply reply = session.run(WorkerRequest.run(planned.label() + "@specials" + tag, planned.op().id(), dtype.id(),
                        refs, new ArrayRef(out.toString(), outputLength), 1), settings.caseTimeout());
                if (reply.ok()) {
                    outputs.put(session.id(), RawArrayFiles.read(out, dtype, outputLength));
                } else {
                    listener.warning(planned.label() + ": the special inputs failed on " + session.id() + ": "
                            + String.valueOf(reply.message()).lines().findFirst().orElse(""));
                }
            } catch (WorkerFailedException | RuntimeException e) {
                listener.warning(planned.label() + ": the special inputs failed on " + session.id() + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        return outputs;
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
