package io.github.opcompare.engine.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The descriptors of the backend modules in this source tree, read from their sources in the order
 * of the root pom's modules: the catalog the engine's tests work with, since the engine itself does
 * not depend on any backend (the plugin does, and finds the same files inside the backend jars).
 */
public final class SourceDescriptors {
    public static final Path ROOT = Path.of("..");
    private static final Pattern BACKEND_MODULE = Pattern.compile("<module>(backends/[^<]+)</module>");
    private static BackendCatalog catalog;

    private SourceDescriptors() {
    }

    /** Every backend module the root pom lists, as a path from the root. */
    public static List<String> modules() {
        try {
            Matcher m = BACKEND_MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
            List<String> modules = new ArrayList<>();
            while (m.find()) {
                modules.add(m.group(1));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path descriptor(String module) {
        return ROOT.resolve(module).resolve("src/main/resources").resolve(DescriptorFile.RESOURCE);
    }

    public static List<BackendDescriptor> read(String module) throws IOException {
        Path file = descriptor(module);
        try (InputStream in = Files.newInputStream(file)) {
            return DescriptorFile.read(in, file.toString());
        }
    }

    /** All of them, as the plugin's catalog holds them. */
    public static synchronized BackendCatalog catalog() {
        if (catalog == null) {
            List<BackendDescriptor> all = new ArrayList<>();
            try {
                for (String module : modules()) {
                    all.addAll(read(module));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catalog = BackendCatalog.of(all);
        }
        return catalog;
    }

    public static BackendDescriptor find(String id) {
        return catalog().find(id).orElseThrow(() -> new AssertionError("no backend " + id + " in " + catalog().validIds()));
    }
}
