package io.github.opcompare.engine.backend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every backend opcompare knows. A new backend is a worker module under {@code backends/} and one
 * line here.
 */
public final class BackendCatalog {
    public static final String GROUP_ID = "io.github.opcompare";

    private static final List<BackendDescriptor> ALL = List.of(
            new BackendDescriptor("tensorflow-cpu", "tensorflow", "cpu", "opcompare-backend-tensorflow",
                    Map.of("OPCOMPARE_TF_DEVICE", "cpu", "CUDA_VISIBLE_DEVICES", "", "TF_CPP_MIN_LOG_LEVEL", "1")),
            new BackendDescriptor("nd4j-cpu", "nd4j", "cpu", "opcompare-backend-nd4j", Map.of()),
            new BackendDescriptor("numpy", "numpy", "cpu", "opcompare-backend-numpy", Map.of()),
            new BackendDescriptor("jdk", "jdk", "cpu", "opcompare-backend-jdk", Map.of("OPCOMPARE_JDK_MATH", "math")),
            new BackendDescriptor("jdk-strict", "jdk-strict", "cpu", "opcompare-backend-jdk", Map.of("OPCOMPARE_JDK_MATH", "strict")),
            // GPU backends run only when named (see defaults()), and only past the GPU gate
            // (engine.gpu.GpuGate). tensorflow-gpu is the TensorFlow worker on /device:GPU:0: the GPU
            // stays visible, and TF's warnings (a CUDA library it could not load) reach the worker's log.
            new BackendDescriptor("tensorflow-gpu", "tensorflow", "gpu", "opcompare-backend-tensorflow",
                    Map.of("OPCOMPARE_TF_DEVICE", "gpu", "TF_CPP_MIN_LOG_LEVEL", "1")),
            new BackendDescriptor("nd4j-gpu", "nd4j", "gpu", "opcompare-backend-nd4j-gpu", Map.of()));

    private BackendCatalog() {
    }

    public static List<BackendDescriptor> all() {
        return ALL;
    }

    public static Optional<BackendDescriptor> find(String id) {
        return ALL.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * What runs when no backend is named: every backend on the CPU. GPU backends run only when named,
     * so that nobody downloads a GPU build (600 MB to 1 GB) without asking for it.
     */
    public static List<BackendDescriptor> defaults() {
        return ALL.stream().filter(b -> "cpu".equals(b.device())).collect(Collectors.toList());
    }

    /**
     * Parses a backend list ({@code "tensorflow-cpu, nd4j-cpu"}); empty means {@link #defaults()}.
     * Unknown ids are an error that names them and lists the valid ones.
     */
    public static List<BackendDescriptor> select(List<String> ids) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String entry : ids == null ? List.<String>of() : ids) {
            for (String id : entry.split(",")) {
                if (!id.isBlank()) {
                    wanted.add(id.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (wanted.isEmpty()) {
            return defaults();
        }
        List<String> unknown = wanted.stream().filter(id -> find(id).isEmpty()).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown backend" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", "))
                    + "; valid backends are: " + validIds());
        }
        List<BackendDescriptor> selected = new ArrayList<>();
        for (String id : wanted) {
            selected.add(find(id).orElseThrow());
        }
        return selected;
    }

    public static String validIds() {
        return ALL.stream().map(BackendDescriptor::id).collect(Collectors.joining(", "));
    }
}
