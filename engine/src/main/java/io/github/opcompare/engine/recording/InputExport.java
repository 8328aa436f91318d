package io.github.opcompare.engine.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.engine.npy.NpyWriter;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes every case's inputs as {@code .npy} files ({@code <case>-<dtype>-in<k>.npy}, k from 0) and a
 * {@code manifest.json} that says which files belong to which case, so that outputs can be computed
 * with any Python stack and brought back as recordings. The inputs are exactly those a comparison
 * generates (same seed, same domains).
 */
public final class InputExport {
    /** The manifest's format, for the scripts that read it. */
    public static final String SCHEMA = "opcompare-inputs/1";

    private InputExport() {
    }

    /**
     * @param notes told about each case left out (an exhaustive sweep is generated chunk by chunk, never a file)
     * @return how many cases were written
     */
    public static int write(List<PlannedCase> planned, Path dir, Consumer<String> notes) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (PlannedCase p : planned) {
            if (p.sweep().isPresent()) {
                notes.accept("opcompare: " + p.label() + " not exported: its inputs are every value of '"
                        + p.inputExpressions().get(0) + "', generated chunk by chunk, not a file");
                continue;
            }
            List<Values> inputs = InputPlan.generate(p.domains(), p.dtype(), p.size(), p.seed());
            List<String> files = new ArrayList<>();
            for (int k = 0; k < inputs.size(); k++) {
                String name = p.id() + "-" + p.dtype().id() + "-in" + k + ".npy";
                Values v = inputs.get(k);
                NpyWriter.write(dir.resolve(name), npyType(p.dtype()), new int[] {v.length()}, v.array());
                files.add(name);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("case", p.id());
            entry.put("dtype", p.dtype().id());
            entry.put("op", p.op().id());
            entry.put("inputs", p.inputExpressions());
            entry.put("length", inputs.get(0).length());
            entry.put("outputLength", Recordings.outputLength(p));
            entry.put("files", files);
            if (p.dtype() == DType.BFLOAT16) {
                entry.put("storedAs", "float32");
            }
            entries.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", SCHEMA);
        manifest.put("cases", entries);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest);
        AtomicFiles.writeString(dir.resolve("manifest.json"), json + "\n");
        return entries.size();
    }

    /**
     * The {@code .npy} type a dtype's values are written as, little-endian. {@code .npy} has no
     * bfloat16: its values go out as float32, which holds each of them exactly.
     */
    static String npyType(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> "<f2";
            case BFLOAT16, FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
        };
    }
}
