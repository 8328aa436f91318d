package io.github.opcompare.engine.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.npy.NpyArray;
import io.github.opcompare.engine.npy.NpyFormatException;
import io.github.opcompare.engine.npy.NpyReader;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks recordings against the planned cases before anything runs, and groups them by backend name:
 * every error names the file and says exactly what does not fit.
 */
public final class Recordings {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Recordings() {
    }

    /**
     * @param reservedNames backend ids a recording may not take
     * @return per recording name, the case label ({@code seed-sqrt/float32}) to its file, in configuration order
     * @throws IllegalArgumentException naming the file and what does not fit
     */
    public static Map<String, Map<String, Path>> validate(List<RecordingSpec> specs, List<PlannedCase> planned,
            Set<String> reservedNames) {
        Map<String, Map<String, Path>> byName = new LinkedHashMap<>();
        for (RecordingSpec spec : specs) {
            String name = spec.name() == null ? "" : spec.name().trim();
            String where = "recording " + (spec.file() == null ? "(no <file>)" : spec.file().toString());
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + " has no <name>; give the backend name it should appear under");
            }
            if (reservedNames.contains(name)) {
                throw new IllegalArgumentException(where + ": <name> '" + name + "' is a built-in backend; choose another name");
            }
            if (spec.file() == null) {
                throw new IllegalArgumentException("recording '" + name + "' has no <file>");
            }
            String caseId = spec.caseId() == null ? "" : spec.caseId().trim();
            List<PlannedCase> ofCase = planned.stream().filter(p -> p.id().equals(caseId)).toList();
            if (ofCase.isEmpty()) {
                throw new IllegalArgumentException(where + ": <case> '" + caseId + "' is not a configured case; valid case ids are: "
                        + planned.stream().map(PlannedCase::id).distinct().collect(Collectors.joining(", ")));
            }
            PlannedCase target;
            if (spec.dtype() == null || spec.dtype().isBlank()) {
                if (ofCase.size() > 1) {
                    throw new IllegalArgumentException(where + ": case '" + caseId + "' runs in "
                            + ofCase.stream().map(p -> p.dtype().id()).collect(Collectors.joining(", ")) + "; say which with <dtype>");
                }
                target = ofCase.get(0);
            } else {
                String dtype = spec.dtype().trim();
                target = ofCase.stream().filter(p -> p.dtype().id().equals(dtype)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException(where + ": case '" + caseId + "' does not run in dtype '" + dtype + "'; it runs in "
                                + ofCase.stream().map(p -> p.dtype().id()).collect(Collectors.joining(", "))));
            }
            check(spec.file(), target);
            Map<String, Path> cases = byName.computeIfAbsent(name, n -> new LinkedHashMap<>());
            if (cases.put(target.label(), spec.file()) != null) {
                throw new IllegalArgumentException(where + ": recording '" + name + "' already has a file for " + target.label());
            }
        }
        return byName;
    }

    /** The case's output length: one per element, one for a reduction. */
    public static int outputLength(PlannedCase planned) {
        int length = planned.size();
        for (InputDomain d : planned.domains()) {
            int n = d.fixedLength(planned.dtype());
            if (n >= 0) {
                length = n;
                break;
            }
        }
        return planned.op().outputLength(length);
    }

    /** Reads the file and checks dtype, shape and length against the case. */
    public static NpyArray check(Path file, PlannedCase target) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("recording " + file + " does not exist");
        }
        NpyArray array;
        try {
            array = NpyReader.read(file);
        } catch (NpyFormatException e) {
            throw new IllegalArgumentException("recording " + e.getMessage(), e);
        }
        return check(array, file.toString(), target);
    }

    static NpyArray check(NpyArray array, String name, PlannedCase target) {
        if (target.dtype() == DType.BFLOAT16) {
            // NumPy has no bfloat16, so .npy has no standard descr for it (ml_dtypes writes opaque 'V2').
            throw new IllegalArgumentException("recording " + name + ": case " + target.label() + " is bfloat16, which"
                    + " .npy files cannot hold; record a float16, float32 or float64 case instead");
        }
        String expectedKind = "f" + target.dtype().bytes();
        if (!array.descr().substring(1).equals(expectedKind)) {
            throw new IllegalArgumentException("recording " + name + " holds " + describe(array.descr()) + " ('" + array.descr()
                    + "'), but case " + target.label() + " is " + target.dtype().id() + " (" + expectedKind
                    + "); save it with .astype(np." + target.dtype().id() + ")");
        }
        int expected = outputLength(target);
        boolean reduction = target.op().outputLength(2) == 1;
        int[] shape = array.shape();
        boolean shapeFits = shape.length == 1 || (reduction && shape.length == 0);
        if (!shapeFits) {
            throw new IllegalArgumentException("recording " + name + " has shape " + java.util.Arrays.toString(shape)
                    + ", but case " + target.label() + " needs a one-dimensional array of " + expected + " value"
                    + (expected == 1 ? "" : "s") + (reduction ? " (or a scalar)" : ""));
        }
        if (array.data().length != expected) {
            throw new IllegalArgumentException("recording " + name + " has " + array.data().length + " value"
                    + (array.data().length == 1 ? "" : "s") + ", but case " + target.label() + " has " + expected + " output"
                    + (expected == 1 ? "" : "s"));
        }
        return array;
    }

    private static String describe(String descr) {
        return switch (descr.substring(1)) {
            case "f2" -> "float16";
            case "f4" -> "float32";
            case "f8" -> "float64";
            default -> descr;
        };
    }

    /** Writes the file a {@link RecordingWorker} reads: the name and each case label's file. */
    public static void writeWorkerConfig(Path configFile, String name, Map<String, Path> cases) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        Map<String, String> files = new TreeMap<>();
        cases.forEach((label, file) -> files.put(label, file.toAbsolutePath().toString()));
        config.put("cases", files);
        io.github.opcompare.engine.io.AtomicFiles.writeString(configFile, MAPPER.writeValueAsString(config));
    }

    /** Reads what {@link #writeWorkerConfig} wrote. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readWorkerConfig(Path configFile) throws IOException {
        return MAPPER.readValue(configFile.toFile(), Map.class);
    }
}
