package io.github.opcompare.engine.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What decides which library versions the backends run, beside their ids: the {@code <backend>}
 * elements with their versions and Pythons, the project's own dependencies, and whether untested
 * versions may run.
 *
 * @param requests {@code <backend>} elements (plain ids and {@code id@version} strings are parsed into these too)
 * @param project the project's resolved dependencies
 * @param allowUntestedVersions whether a version outside the tested ones runs, with a warning, rather
 *     than being a configuration error (the caller reads the parameter, so that this package needs
 *     nothing of the configuration's)
 * @param pythons asks a Python which NumPy it imports
 */
public record BackendChoices(List<BackendRequest> requests, ProjectLibraryVersions project, boolean allowUntestedVersions,
        NumpyInterpreters pythons) {
    public BackendChoices {
        requests = requests == null ? List.of() : List.copyOf(requests);
        project = project == null ? ProjectLibraryVersions.none() : project;
        pythons = pythons == null ? NumpyInterpreters.none() : pythons;
    }

    /** Nothing beyond the backends' ids: every library at opcompare's default version. */
    public static BackendChoices none() {
        return new BackendChoices(List.of(), ProjectLibraryVersions.none(), false, NumpyInterpreters.none());
    }

    /**
     * The backends to run: {@code ids} (comma-separated, each {@code id} or {@code id@version}) followed
     * by the {@link #requests()}, each with its library version.
     *
     * @throws IllegalArgumentException naming each backend that cannot be selected
     */
    public List<BackendDescriptor> select(BackendCatalog catalog, List<String> ids, Consumer<String> warnings) {
        List<BackendRequest> all = new ArrayList<>(BackendRequest.parseAll(ids));
        all.addAll(requests);
        return new BackendSelection(catalog, project, allowUntestedVersions, pythons, warnings).select(all);
    }
}
