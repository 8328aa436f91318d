package io.github.opcompare.plugin;

import io.github.opcompare.engine.recording.RecordingSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <recording>}: outputs computed elsewhere, judged like a live backend named {@code name}.
 */
public class Recording {
    /** Backend name the recording appears under, e.g. {@code numpy-1.13}. */
    private String name;
    /** Case id, e.g. {@code seed-sqrt}. */
    private String case_;
    /** dtype of the case; optional when the case runs in one dtype. */
    private String dtype;
    /** The {@code .npy} file, relative to the project's base directory. */
    private String file;

    public String getName() {
        return name;
    }

    public String getCase() {
        return case_;
    }

    /** {@code case} is a Java keyword, so Maven sets it through this setter. */
    public void setCase(String value) {
        this.case_ = value;
    }

    public String getDtype() {
        return dtype;
    }

    public String getFile() {
        return file;
    }

    /** The recordings as the engine takes them, files resolved against the project's base directory. */
    static List<RecordingSpec> toSpecs(List<Recording> recordings, Path baseDir) {
        List<RecordingSpec> specs = new ArrayList<>();
        for (Recording r : recordings == null ? List.<Recording>of() : recordings) {
            Path file = r.getFile() == null ? null : baseDir.resolve(r.getFile().trim()).normalize();
            specs.add(new RecordingSpec(r.getName(), r.getCase(), r.getDtype(), file));
        }
        return specs;
    }
}
