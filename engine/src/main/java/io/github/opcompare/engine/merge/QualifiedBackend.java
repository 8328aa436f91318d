package io.github.opcompare.engine.merge;

/**
 * A backend id in a merged file, {@code nd4j-cpu@linux-xeon}: the backend, and the machine it ran
 * on (null in a file of one machine). '@' cannot occur in a backend id of the catalog.
 */
public record QualifiedBackend(String backend, String machine) {
    static final char SEPARATOR = '@';

    public static QualifiedBackend parse(String id) {
        int at = id.lastIndexOf(SEPARATOR);
        return at < 0 ? new QualifiedBackend(id, null) : new QualifiedBackend(id.substring(0, at), id.substring(at + 1));
    }

    public static String qualify(String backend, String machine) {
        return backend + SEPARATOR + machine;
    }

    /** The id of another backend on the same machine. */
    public String sibling(String otherBackend) {
        return machine == null ? otherBackend : qualify(otherBackend, machine);
    }
}
