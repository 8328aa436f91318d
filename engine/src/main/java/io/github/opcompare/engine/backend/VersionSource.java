package io.github.opcompare.engine.backend;

/** Where the library version a backend runs comes from, as results.json names it. */
public enum VersionSource {
    /** The project under build depends on the library (the dependency path says how). */
    PROJECT("project"),
    /** Nothing named a version: the one opcompare's worker is built against. */
    DEFAULT("default"),
    /** The configuration named it ({@code tensorflow-cpu@1.0.0}, {@code <version>}, or a {@code <python>}). */
    CONFIGURED("configured");

    private final String json;

    VersionSource(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
