package io.github.opcompare.engine.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pairs each library's CPU backend with its GPU backend on one case ("does my GPU give the same
 * numbers as my CPU, and how much faster is it?"). The agreement is the pair's entry of the case's
 * agreement list, so it is computed once; the speed-up is read off both backends' timing sweeps.
 */
public final class DeviceComparisons {
    private static final String CPU = "cpu";
    private static final String GPU = "gpu";

    private DeviceComparisons() {
    }

    /**
     * @param backends every backend of the run, for its library and device
     * @return one entry per library whose CPU and GPU backends both ran this case; empty otherwise
     */
    public static List<DeviceComparison> of(List<BackendInfo> backends, List<BackendResult> results, List<Agreement> agreement) {
        Map<String, BackendResult> ok = results.stream()
                .filter(r -> Status.OK.id().equals(r.status()))
                .collect(Collectors.toMap(BackendResult::backend, Function.identity()));
        List<DeviceComparison> comparisons = new ArrayList<>();
        for (BackendInfo cpu : backends) {
            if (!CPU.equals(cpu.device()) || !ok.containsKey(cpu.id())) {
                continue;
            }
            for (BackendInfo gpu : backends) {
                if (GPU.equals(gpu.device()) && cpu.library().equals(gpu.library()) && ok.containsKey(gpu.id())) {
                    pairAgreement(agreement, cpu.id(), gpu.id()).ifPresent(a -> comparisons.add(new DeviceComparison(
                            cpu.library(), cpu.id(), gpu.id(), a.identical(), a.maxSteps(),
                            speedups(ok.get(cpu.id()), ok.get(gpu.id())))));
                }
            }
        }
        return comparisons;
    }

    private static Optional<Agreement> pairAgreement(List<Agreement> agreement, String x, String y) {
        return agreement.stream()
                .filter(a -> a.a().equals(x) && a.b().equals(y) || a.a().equals(y) && a.b().equals(x))
                .findFirst();
    }

    private static List<DeviceComparison.Speedup> speedups(BackendResult cpu, BackendResult gpu) {
        List<DeviceComparison.Speedup> speedups = new ArrayList<>();
        if (cpu.timing() == null || gpu.timing() == null) {
            return speedups;
        }
        Map<Long, SizeTiming> gpuBySize = gpu.timing().stream()
                .collect(Collectors.toMap(SizeTiming::size, Function.identity()));
        for (SizeTiming c : cpu.timing()) {
            SizeTiming g = gpuBySize.get(c.size());
            if (g != null && g.medianNanos() > 0) {
                speedups.add(new DeviceComparison.Speedup(c.size(), c.medianNanos(), g.medianNanos(),
                        c.medianNanos() / g.medianNanos()));
            }
        }
        return speedups;
    }
}
