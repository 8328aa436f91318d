package io.github.opcompare.plugin;

import io.github.opcompare.engine.backend.BackendRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code <backends>}: a plain {@code <backend>tensorflow-cpu@1.0.0</backend>} (or a
 * comma-separated {@code <backends>} / {@code -Dopcompare.backends}, which Maven splits into these),
 * or {@code <backend><id>numpy</id><python>/opt/np1/bin/python3</python></backend>}.
 */
public class Backend {
    /** The catalog id ({@code tensorflow-cpu}). */
    private String id;
    /** The library version ({@code 1.0.0}); default the project's, else opcompare's. */
    private String version;
    /** The Python of a Python backend ({@code numpy}). */
    private String python;
    /** The entry as text, when written as text. */
    private String text;

    /** Maven's default setter: the element's text, {@code tensorflow-cpu} or {@code tensorflow-cpu@1.0.0}. */
    public void set(String value) {
        this.text = value;
    }

    static List<BackendRequest> toRequests(List<Backend> backends) {
        List<BackendRequest> requests = new ArrayList<>();
        for (Backend b : backends == null ? List.<Backend>of() : backends) {
            if (b == null) {
                continue;
            }
            if (b.text != null) {
                requests.addAll(BackendRequest.parseAll(List.of(b.text)));
            } else if (b.id != null || b.version != null || b.python != null) {
                requests.add(new BackendRequest(b.id, b.version, b.python));
            }
        }
        return requests;
    }
}
