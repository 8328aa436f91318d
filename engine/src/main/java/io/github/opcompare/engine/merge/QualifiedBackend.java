package io.github.opcompare.engine.merge;

/**
 * A backend id in a merged file, {@code nd4j-cpu@linux-xeon}: the backend, and the machine it ran
 * on (null in a file of one machine). '@' cannot occur in a backend id of the catalog; a backend
 * running a chosen library version carries it after one ({@code tensorflow-cpu@1.0.0}, merged
 * {@code tensorflow-cpu@1.0.0@linux-xeon}). A version begins with a digit, a machine name does not.
 */
public record QualifiedBackend(String backend, String machine) {
    static final char SEPARATOR = '@';

    public static QualifiedBackend parse(String id) {
        int at = id.lastIndexOf(SEPARATOR);
        if (at < 0 || startsWithDigit(id.substring(at + 1))) {
            return new QualifiedBackend(id, null);
        }
        return new QualifiedBackend(id.substring(0, at), id.substring(at + 1));
    }

    /** Whether a name after '@' would be read as a library version rather than a machine. */
    static boolean startsWithDigit(String name) {
        return !name.isEmpty() && Character.isDigit(name.charAt(0));
    }

    /** The catalog's id, without library version: {@code tensorflow-cpu} for {@code tensorflow-cpu@1.0.0}. */
    public String catalogId() {
        int at = backend.indexOf(SEPARATOR);
        return at < 0 ? backend : backend.substring(0, at);
    }

    public static String qualify(String backend, String machine) {
        return backend + SEPARATOR + machine;
    }

    /** The id of another backend on the same machine. */
    public String sibling(String otherBackend) {
        return machine == null ? otherBackend : qualify(otherBackend, machine);
    }
}
