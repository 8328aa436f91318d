package io.github.opcompare.report;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.BinadeError;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.CostFit;
import io.github.opcompare.engine.result.DeviceComparison;
import io.github.opcompare.engine.result.Reproducibility;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.UlpBin;
import io.github.opcompare.engine.result.ValueRow;
import io.github.opcompare.engine.result.WorstCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run with everything a case page can show, written by hand: tanh in float32 on a CPU and a GPU
 * build of one library, with histograms, binades, side-by-side values, a size sweep with a fitted
 * cost model, reproducibility and a CPU-against-GPU comparison; and a case over special inputs.
 */
final class RichFixtures {
    static final String CPU = "lib-cpu";
    static final String GPU = "lib-gpu";

    private RichFixtures() {
    }

    static Results results() {
        List<BackendInfo> backends = List.of(
                new BackendInfo(CPU, "Lib", "1.0", "cpu", 2, "JVM", true, null),
                new BackendInfo(GPU, "Lib", "1.0", "cuda:0", null, "JVM", true, null));
        return new Results(Results.SCHEMA, "0.1.0-SNAPSHOT", true, null, backends, List.of(tanh(), special()));
    }

    /** tanh: the CPU build is correctly rounded; the GPU build is off by up to 3 ulp near 2^-10. */
    static CaseResult tanh() {
        // Worst of the GPU: element 20, x = 0.0009765625 (2^-10), 3 ulp, 3 steps.
        WorstCase gpuWorst = new WorstCase(20, List.of("9.765625E-4"), "9.765622E-4", "0.000976562189559319", "9.7656244E-4", 3.0, 3L);
        WorstCase cpuWorst = new WorstCase(5, List.of("0.5"), "0.46211717", "0.462117157260009758502318483643", "0.46211717", 0.4, 0L);
        Accuracy cpu = new Accuracy(0.4, 0.25, 1.0, 0, 0L, 0, List.of(cpuWorst),
                List.of(new UlpBin(0, 0, 10), new UlpBin(0, 0.5, 90)),
                List.of(new BinadeError(-10, 50, 0.4, 0.2, 0), new BinadeError(-1, 50, 0.4, 0.3, 0)));
        Accuracy gpu = new Accuracy(3.0, 0.9, 0.6, 40, 3L, 0, List.of(gpuWorst),
                List.of(new UlpBin(0, 0, 10), new UlpBin(0, 0.5, 50), new UlpBin(0.5, 1, 20), new UlpBin(1, 2, 15), new UlpBin(2, 4, 5)),
                List.of(new BinadeError(-10, 50, 3.0, 1.2, 0), new BinadeError(-1, 50, 0.9, 0.6, 0)));
        List<SizeTiming> cpuTimes = List.of(Fixtures.timing(100, 1_100, 20, 100), Fixtures.timing(10_000, 11_000, 20, 10),
                Fixtures.timing(1_000_000, 1_001_000, 20, 1));
        List<SizeTiming> gpuTimes = List.of(Fixtures.timing(100, 20_000, 20, 100), Fixtures.timing(10_000, 20_500, 20, 10),
                Fixtures.timing(1_000_000, 70_000, 20, 1));
        BackendResult cpuResult = new BackendResult(CPU, "ok", null, cpu, new Reproducibility(3, true, 1, 0, 0, true),
                1_000_000L, cpuTimes, new CostFit(1_000, null, 1.0, null, 3, 0.01), null, null);
        BackendResult gpuResult = new BackendResult(GPU, "ok", null, gpu, new Reproducibility(3, false, 2, 1, 7, null),
                90_000_000L, gpuTimes, new CostFit(20_000, null, 0.05, null, 3, 0.02), null, null);

        List<ValueRow> values = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            float x = (float) ((i + 1) / 32.0); // from 1/32: no special input among them
            float y = (float) Math.tanh(x);
            // Among the first 16 the GPU differs on element 3 only, one float above.
            String gpuValue = String.valueOf(i == 3 ? Math.nextUp(y) : y);
            values.add(row(i, String.valueOf(x), String.valueOf(y), String.valueOf(y), gpuValue,
                    i == 5 ? List.of(CPU) : List.of()));
        }
        ValueRow r20 = row(20, "9.765625E-4", "9.765622E-4", "9.765622E-4", "9.7656244E-4", List.of(GPU));
        values.add(new ValueRow(20, r20.inputs(), r20.expected(), "0.000976562189559319", r20.outputs(), r20.worstOf()));
        DeviceComparison devices = new DeviceComparison("lib", CPU, GPU, 0.6, 3L, List.of(
                new DeviceComparison.Speedup(100, 1_100, 20_000, 1_100 / 20_000.0),
                new DeviceComparison.Speedup(10_000, 11_000, 20_500, 11_000 / 20_500.0),
                new DeviceComparison.Speedup(1_000_000, 1_001_000, 70_000, 1_001_000 / 70_000.0)));
        return new CaseResult("tanh", "tanh", "float32", List.of("binades(1e-3, 1)"), 100, 42, List.of(cpuResult, gpuResult),
                List.of(new Agreement(CPU, GPU, 0.6, 3L)), null, null, List.of(devices), values);
    }

    static ValueRow row(long index, String x, String expected, String cpu, String gpu, List<String> worstOf) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(CPU, cpu);
        outputs.put(GPU, gpu);
        return new ValueRow(index, List.of(x), expected, expected, outputs, worstOf);
    }

    /** sqrt over special inputs: the GPU returns +0 for sqrt(-0), whose correctly rounded result is -0. */
    static CaseResult special() {
        Accuracy cpu = new Accuracy(0.0, 0.0, 1.0, 0, 0L, 0, List.of(), List.of(new UlpBin(0, 0, 5)), null);
        WorstCase minusZero = new WorstCase(0, List.of("-0.0"), "-0.0", "-0", "0.0", 0.0, 0L);
        Accuracy gpu = new Accuracy(0.0, 0.0, 0.8, 1, 0L, 0, List.of(minusZero), List.of(new UlpBin(0, 0, 5)), null);
        List<ValueRow> values = List.of(
                row(0, "-0.0", "-0.0", "-0.0", "0.0", List.of(GPU)),
                row(1, "NaN", "NaN", "NaN", "NaN", List.of()),
                row(2, "Infinity", "Infinity", "Infinity", "Infinity", List.of()),
                row(3, "1.4E-45", "3.7433921E-23", "3.7433921E-23", "3.7433921E-23", List.of()),
                row(4, "4.0", "2.0", "2.0", "2.0", List.of()));
        return new CaseResult("sqrt-special", "sqrt", "float32", List.of("special"), 5, 42,
                List.of(new BackendResult(CPU, "ok", null, cpu, null, null, null, null, null, null),
                        new BackendResult(GPU, "ok", null, gpu, null, null, null, null, null, null)),
                List.of(new Agreement(CPU, GPU, 0.8, 0L)), null, null, null, values);
    }
}
