package io.github.opcompare.engine.run;

import io.github.opcompare.engine.data.RawArrayFiles;
import io.github.opcompare.engine.data.Values;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.OpKind;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.worker.ArrayRef;
import io.github.opcompare.engine.worker.WorkerFailedException;
import io.github.opcompare.engine.worker.WorkerReply;
import io.github.opcompare.engine.worker.WorkerRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an elementwise op on its special inputs: the dtype's ±0, ±smallest and ±largest subnormal,
 * ±smallest normal, ±1, ±largest finite, ±Infinity and NaN, and for a binary op every pair of them
 * (225). The prescribed result of each is the exact result correctly rounded: for these inputs the
 * reference settles it by the rules of IEEE 754-2019 and C99 Annex F (sqrt(-0) = -0, maximum
 * propagates NaN, pow(1, NaN) = 1), so each backend is compared with it bit for bit.
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
     * @return one row per special input (or pair); null for ops that are not elementwise
     */
    List<SpecialValue> run(PlannedCase planned, List<BackendSession> sessions, Path caseDir) {
        if (planned.op().kind() != OpKind.ELEMENTWISE) {
            return null;
        }
        DType dtype = planned.dtype();
        List<Values> inputs = inputs(planned.op().arity(), dtype);
        int n = inputs.get(0).length();
        ExactResults exact;
        try {
            exact = reference.compute(planned.op(), dtype, inputs);
        } catch (RuntimeException e) {
            // The case itself ran; losing its specials is no reason to lose it.
            listener.warning(planned.label() + ": no reference for the special inputs: " + e.getMessage());
            return null;
        }
        List<ArrayRef> refs = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Path file = caseDir.resolve("special-input-" + k + ".bin");
            RawArrayFiles.write(inputs.get(k), file);
            refs.add(new ArrayRef(file.toString(), n));
        }
        Map<String, Values> outputs = new LinkedHashMap<>();
        for (BackendSession session : sessions) {
            Path out = caseDir.resolve("special-output-" + session.id() + ".bin");
            try {
                WorkerReply reply = session.run(WorkerRequest.run(planned.label() + "@specials", planned.op().id(), dtype.id(),
                        refs, new ArrayRef(out.toString(), n), 1), settings.caseTimeout());
                if (reply.ok()) {
                    outputs.put(session.id(), RawArrayFiles.read(out, dtype, n));
                } else {
                    listener.warning(planned.label() + ": the special inputs failed on " + session.id() + ": "
                            + String.valueOf(reply.message()).lines().findFirst().orElse(""));
                }
            } catch (WorkerFailedException | RuntimeException e) {
                listener.warning(planned.label() + ": the special inputs failed on " + session.id() + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        List<SpecialValue> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> operands = new ArrayList<>();
            for (Values v : inputs) {
                operands.add(v.format(i));
            }
            double expected = exact.rounded(i);
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
            rows.add(new SpecialValue(operands, dtype.format(expected), actual, mismatches));
        }
        return rows;
    }
}
