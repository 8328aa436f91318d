package io.github.opcompare.engine.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One backend as the configuration names it: {@code tensorflow-cpu}, {@code tensorflow-cpu@1.0.0}, or a
 * {@code <backend>} element with its {@code <id>}, {@code <version>} and {@code <python>}.
 *
 * @param id the catalog id ({@code tensorflow-cpu})
 * @param version the library version asked for; null for the project's or the default
 * @param python the Python of a Python backend; null for the one found
 */
public record BackendRequest(String id, String version, String python) {
    public BackendRequest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A <backend> names no <id>; write <backend><id>ID</id><version>VERSION</version></backend>"
                    + " or ID@VERSION");
        }
        id = id.strip().toLowerCase(Locale.ROOT);
        version = version == null || version.isBlank() ? null : version.strip();
        python = python == null || python.isBlank() ? null : python.strip();
        if (version != null && !version.matches("[0-9A-Za-z][0-9A-Za-z._+-]*")) {
            throw new IllegalArgumentException("Invalid version '" + version + "' of backend " + id
                    + ": a version is letters, digits, '.', '-', '_' and '+', such as 1.0.0 or 1.0.0-M2");
        }
    }

    /** {@code tensorflow-cpu} or {@code tensorflow-cpu@1.0.0}. */
    public static BackendRequest parse(String text) {
        String trimmed = text.strip();
        int at = trimmed.indexOf('@');
        if (at < 0) {
            return new BackendRequest(trimmed, null, null);
        }
        String version = trimmed.substring(at + 1);
        if (version.isBlank()) {
            throw new IllegalArgumentException("Invalid backend '" + trimmed + "': nothing after '@'; write id@version,"
                    + " an id followed by @ and a library version");
        }
        return new BackendRequest(trimmed.substring(0, at), version, null);
    }

    /** Comma-separated lists ({@code "tensorflow-cpu@1.0.0, nd4j-cpu"}), each entry parsed. */
    public static List<BackendRequest> parseAll(List<String> entries) {
        List<BackendRequest> requests = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (entry == null) {
                continue;
            }
            for (String item : entry.split(",")) {
                if (!item.isBlank()) {
                    requests.add(parse(item));
                }
            }
        }
        return requests;
    }

    /** The id results show: the catalog id, qualified by the version asked for. */
    public String label() {
        return version == null ? id : id + "@" + version;
    }
}
