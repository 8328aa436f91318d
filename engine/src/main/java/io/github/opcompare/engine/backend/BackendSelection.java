package io.github.opcompare.engine.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns the backends the configuration names into the backends that run, each with the library
 * version it runs: the one named ({@code tensorflow-cpu@1.0.0}, {@code <version>}, a {@code <python>}),
 * else the project's own, else opcompare's default. Several versions of one library run side by side
 * as backends of their own ({@code tensorflow-cpu@1.0.0}, {@code tensorflow-cpu@1.1.0}). A version
 * outside the tested ones is a configuration error, or a warning where untested versions are allowed.
 */
public final class BackendSelection {
    private final BackendCatalog catalog;
    private final ProjectLibraryVersions project;
    private final boolean allowUntested;
    private final NumpyInterpreters pythons;
    private final Consumer<String> warnings;

    public BackendSelection(BackendCatalog catalog, ProjectLibraryVersions project, boolean allowUntested,
            NumpyInterpreters pythons, Consumer<String> warnings) {
        this.catalog = catalog;
        this.project = project == null ? ProjectLibraryVersions.none() : project;
        this.allowUntested = allowUntested;
        this.pythons = pythons == null ? NumpyInterpreters.none() : pythons;
        this.warnings = warnings;
    }

    /**
     * The backends to run, in the order named; none named selects the catalog's defaults.
     *
     * @throws IllegalArgumentException naming every backend that cannot be selected, and why
     */
    public List<BackendDescriptor> select(List<BackendRequest> requests) {
        List<BackendRequest> named = requests == null || requests.isEmpty()
                ? catalog.defaults().stream().map(b -> new BackendRequest(b.id(), null, null)).toList()
                : requests;
        List<String> unknown = named.stream().map(BackendRequest::id).filter(id -> catalog.find(id).isEmpty()).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown backend" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", "))
                    + "; valid backends are: " + catalog.validIds());
        }
        Map<String, Integer> perId = new HashMap<>();
        named.forEach(r -> perId.merge(r.id(), 1, Integer::sum));
        List<String> errors = new ArrayList<>();
        List<BackendDescriptor> selected = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (BackendRequest request : named) {
            BackendDescriptor backend = catalog.find(request.id()).orElseThrow();
            try {
                BackendDescriptor chosen = choose(backend, request, perId.get(request.id()) > 1);
                if (!shown.add(chosen.id())) {
                    // Named twice (or two Pythons with one NumPy): one run would only repeat the other.
                    if (request.python() != null || request.version() != null) {
                        errors.add("backend " + chosen.id() + " is named twice" + (request.python() != null
                                ? " (two Pythons with the same NumPy " + chosen.selected().version() + ")" : ""));
                    }
                    continue;
                }
                selected.add(chosen);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() == 1 ? errors.get(0)
                    : errors.size() + " backends cannot be selected:\n  " + String.join("\n  ", errors));
        }
        return selected;
    }

    private BackendDescriptor choose(BackendDescriptor backend, BackendRequest request, boolean severalOfThisId) {
        if (backend.launch() != null && backend.launch().python()) {
            return choosePython(backend, request, severalOfThisId);
        }
        if (request.python() != null) {
            throw new IllegalArgumentException("backend " + request.id() + " runs no Python; <python> applies to a Python backend"
                    + " (" + pythonBackends() + ")");
        }
        LibraryVersions versions = backend.versions();
        if (versions == null) {
            if (request.version() != null) {
                throw new IllegalArgumentException("backend " + request.id() + " runs one version only, so it takes no @version"
                        + " ('" + request.label() + "'); backends with a choice of version: " + versionedBackends());
            }
            return backend;
        }
        if (request.version() != null) {
            SelectedVersion configured = new SelectedVersion(request.version(), VersionSource.CONFIGURED, List.of(), null,
                    !versions.isTested(request.version()));
            return backend.selecting(request.label(), checked(backend, versions, configured, request.label()));
        }
        Optional<SelectedVersion> own = project.of(versions);
        if (own.isPresent()) {
            return backend.selecting(backend.id(), checked(backend, versions, own.get(), backend.id()));
        }
        return backend.selecting(backend.id(), new SelectedVersion(versions.defaultVersion(), VersionSource.DEFAULT, List.of(), null, false));
    }

    private SelectedVersion checked(BackendDescriptor backend, LibraryVersions versions, SelectedVersion version, String label) {
        String origin = version.source() == VersionSource.PROJECT
                ? "the project's " + backend.library() + " " + version.version() + " (" + String.join(" -> ", version.dependencyPath()) + ")"
                : backend.library() + " " + version.version();
        String tested = "tested versions of " + backend.library() + ": " + String.join(", ", versions.tested());
        if (versions.generationOf(version.version()).isEmpty()) {
            throw new IllegalArgumentException("backend " + label + " cannot run " + origin + ": opcompare knows no way to"
                    + " put that version on a classpath; " + tested);
        }
        if (version.untested()) {
            if (!allowUntested) {
                throw new IllegalArgumentException("backend " + label + ": " + origin + " is not a tested version; " + tested
                        + ". Name a tested one (" + backend.id() + "@" + versions.defaultVersion() + ") or set"
                        + " <allowUntestedVersions>true</allowUntestedVersions> (-Dopcompare.allowUntestedVersions=true) to run it anyway");
            }
            warnings.accept("opcompare: backend " + label + " runs " + origin + ", which is not a tested version (" + tested
                    + "); its results may be wrong where the library's API changed");
        }
        return version;
    }

    /**
     * A Python backend: its interpreter named ({@code <python>}) or found by the NumPy version asked
     * for ({@code numpy@1.24.2}). Several of one backend are named after the NumPy each imports.
     */
    private BackendDescriptor choosePython(BackendDescriptor backend, BackendRequest request, boolean severalOfThisId) {
        if (request.python() != null) {
            String found = pythons.versionOf(request.python());
            if (request.version() != null && !request.version().equals(found)) {
                throw new IllegalArgumentException("backend " + request.label() + ": " + request.python() + " imports "
                        + backend.library() + " " + found + ", not " + request.version());
            }
            String id = severalOfThisId || request.version() != null ? backend.id() + "@" + found : backend.id();
            return backend.selecting(id, new SelectedVersion(found, VersionSource.CONFIGURED, List.of(), request.python(), false));
        }
        if (request.version() != null) {
            List<String> seen = new ArrayList<>();
            for (String python : pythons.candidates()) {
                String found;
                try {
                    found = pythons.versionOf(python);
                } catch (IllegalArgumentException e) {
                    seen.add(python + " (no " + backend.library() + ")");
                    continue;
                }
                if (found.equals(request.version())) {
                    return backend.selecting(request.label(),
                            new SelectedVersion(found, VersionSource.CONFIGURED, List.of(), python, false));
                }
                seen.add(python + " (" + backend.library() + " " + found + ")");
            }
            throw new IllegalArgumentException("backend " + request.label() + ": no Python here imports " + backend.library() + " "
                    + request.version() + "; looked at " + (seen.isEmpty() ? "none" : String.join(", ", seen))
                    + ". Name the interpreter: <backend><id>" + backend.id() + "</id><python>/path/to/python3</python></backend>");
        }
        return backend.selecting(backend.id(), new SelectedVersion(null, VersionSource.DEFAULT, List.of(), null, false));
    }

    private String pythonBackends() {
        return catalog.all().stream().filter(b -> b.launch() != null && b.launch().python()).map(BackendDescriptor::id)
                .collect(Collectors.joining(", "));
    }

    private String versionedBackends() {
        return catalog.all().stream().filter(b -> b.versions() != null || (b.launch() != null && b.launch().python()))
                .map(BackendDescriptor::id).collect(Collectors.joining(", "));
    }
}
