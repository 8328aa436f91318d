package io.github.opcompare.engine.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every backend opcompare knows, built from the descriptors of the backend modules it finds
 * ({@link DescriptorFile#RESOURCE}). The engine names no library: a new backend is a module that
 * carries its descriptor, found here because its jar is on the plugin's classpath.
 */
public final class BackendCatalog {
    public static final String GROUP_ID = "io.github.opcompare";

    private static volatile BackendCatalog installed;

    private final List<BackendDescriptor> all;

    private BackendCatalog(List<BackendDescriptor> all) {
        Map<String, BackendDescriptor> byId = new LinkedHashMap<>();
        for (BackendDescriptor backend : all) {
            BackendDescriptor twin = byId.putIfAbsent(backend.id(), backend);
            if (twin != null) {
                throw new IllegalArgumentException("Two backend descriptors claim the id '" + backend.id() + "': "
                        + twin.workerArtifactId() + " and " + backend.workerArtifactId());
            }
        }
        this.all = List.copyOf(all);
    }

    /** A catalog of exactly these backends, in this order. */
    public static BackendCatalog of(List<BackendDescriptor> backends) {
        return new BackendCatalog(backends);
    }

    /**
     * The backends whose descriptors {@code loader} can see, in classpath order.
     *
     * @throws IllegalArgumentException naming the descriptor that is malformed or incomplete
     */
    public static BackendCatalog fromClassLoader(ClassLoader loader) {
        List<BackendDescriptor> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(DescriptorFile.RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    found.addAll(DescriptorFile.read(in, url.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backend descriptors: " + e.getMessage(), e);
        }
        return new BackendCatalog(found);
    }

    /**
     * The backends installed beside the engine: the descriptors on the engine's own class loader
     * (in the plugin, the backend jars it depends on). Read once.
     */
    public static BackendCatalog installed() {
        BackendCatalog catalog = installed;
        if (catalog == null) {
            catalog = fromClassLoader(BackendCatalog.class.getClassLoader());
            installed = catalog;
        }
        return catalog;
    }

    public List<BackendDescriptor> all() {
        return all;
    }

    public Optional<BackendDescriptor> find(String id) {
        return all.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * What runs when no backend is named: every backend on the CPU. GPU backends run only when named,
     * so that nobody downloads a GPU build (600 MB to 1 GB) without asking for it; so do backends
     * whose descriptor says {@code onlyWhenNamed} (Java's math libraries), so that the default suite
     * does not change as backends are added.
     */
    public List<BackendDescriptor> defaults() {
        return all.stream().filter(b -> "cpu".equals(b.device()) && !b.onlyWhenNamed()).collect(Collectors.toList());
    }

    /**
     * Parses a backend list ({@code "tensorflow-cpu, nd4j-cpu"}); empty means {@link #defaults()}.
     * Unknown ids are an error that names them and lists the valid ones.
     */
    public List<BackendDescriptor> select(List<String> ids) {
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

    public String validIds() {
        return all.stream().map(BackendDescriptor::id).collect(Collectors.joining(", "));
    }
}
