package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which library version each backend runs: named, the project's, or the default; several versions
 * side by side under their own ids; untested and unknown versions refused or warned about.
 */
class BackendSelectionTest {
    private static final LibraryVersions LIB_VERSIONS = new LibraryVersions("1.1.0", List.of("0.5.0", "1.0.0", "1.1.0"),
            List.of("org.lib:lib-api", "org.lib:lib-platform*"), List.of("org.lib"),
            List.of(new VersionGeneration("0.", List.of("org.lib:lib-api"), List.of("org.lib:lib-api")),
                    new VersionGeneration("1.", List.of("org.lib:lib-api"), List.of("org.lib:lib-native"))));

    private static final BackendDescriptor LIB = new BackendDescriptor("lib-cpu", "lib", "cpu", "opcompare-backend-lib", Map.of(),
            WorkerLaunch.java("Main"), null, List.of("float32"), List.of("*"), null, false, LIB_VERSIONS, null);
    private static final BackendDescriptor FIXED = new BackendDescriptor("fixed", "fixed", "cpu", "opcompare-backend-fixed",
            Map.of(), WorkerLaunch.java("Main"), null, List.of("float32"), List.of("*"), null);
    private static final BackendDescriptor PY = new BackendDescriptor("py", "numpy", "cpu", "opcompare-backend-py", Map.of(),
            new WorkerLaunch(WorkerLaunch.PYTHON, null, "w.py", List.of(), List.of(), ""), null, List.of("float32"), List.of("*"), null);
    private static final BackendCatalog CATALOG = BackendCatalog.of(List.of(LIB, FIXED, PY));

    /** Two Pythons: /opt/a imports NumPy 1.24.2, /opt/b 2.4.6, /opt/c none. */
    private static final NumpyInterpreters PYTHONS = new NumpyInterpreters() {
        @Override
        public String versionOf(String python) {
            return switch (python) {
                case "/opt/a" -> "1.24.2";
                case "/opt/b" -> "2.4.6";
                default -> throw new IllegalArgumentException(python + " cannot import numpy");
            };
        }

        @Override
        public List<String> candidates() {
            return List.of("/opt/c", "/opt/a", "/opt/b");
        }
    };

    private final List<String> warnings = new ArrayList<>();

    private List<BackendDescriptor> select(List<ProjectDependency> project, boolean allowUntested, String... ids) {
        return new BackendSelection(CATALOG, new ProjectLibraryVersions(project), allowUntested, PYTHONS, warnings::add)
                .select(BackendRequest.parseAll(List.of(ids)));
    }

    private static ProjectDependency dep(String g, String a, String v, String... trail) {
        return new ProjectDependency(g, a, v, List.of(trail));
    }

    @Test
    void withNothingNamedEachBackendRunsTheDefaultVersion() {
        List<BackendDescriptor> selected = select(List.of(), false);
        assertEquals(List.of("lib-cpu", "fixed", "py"), selected.stream().map(BackendDescriptor::id).toList());
        assertEquals(new SelectedVersion("1.1.0", VersionSource.DEFAULT, List.of(), null, false), selected.get(0).selected());
        assertNull(selected.get(1).selected(), "a backend without a choice of version records none");
    }

    @Test
    void theProjectsOwnVersionRunsUnderThePlainIdWithItsDependencyPath() {
        List<String> trail = List.of("com.example:app:jar:1.0", "com.example:model:jar:2.0", "org.lib:lib-api:jar:1.0.0");
        BackendDescriptor lib = select(List.of(dep("junit", "junit", "4.13"), dep("org.lib", "lib-api", "1.0.0", trail.toArray(String[]::new))),
                false, "lib-cpu").get(0);
        assertEquals("lib-cpu", lib.id());
        assertEquals(new SelectedVersion("1.0.0", VersionSource.PROJECT, trail, null, false), lib.selected());
        assertTrue(lib.selected().differsFrom(LIB_VERSIONS));
    }

    @Test
    void aPlatformAggregatorMatchesByPrefixButTheApiArtifactIsTheBetterWitness() {
        assertEquals("0.5.0", select(List.of(dep("org.lib", "lib-platform-gpu", "0.5.0")), false).get(0).selected().version());
        assertEquals("1.0.0", select(List.of(dep("org.lib", "lib-platform", "0.5.0"), dep("org.lib", "lib-api", "1.0.0")), false)
                .get(0).selected().version());
    }

    @Test
    void namedVersionsRunSideBySideAsBackendsOfTheirOwn() {
        List<BackendDescriptor> selected = select(List.of(dep("org.lib", "lib-api", "0.5.0")), false, "lib-cpu@1.0.0, lib-cpu@1.1.0");
        assertEquals(List.of("lib-cpu@1.0.0", "lib-cpu@1.1.0"), selected.stream().map(BackendDescriptor::id).toList());
        assertEquals(VersionSource.CONFIGURED, selected.get(0).selected().source());
        assertEquals("1.0.0", selected.get(0).selected().version());
        // The default version named explicitly resolves as the worker module declares it.
        assertTrue(!selected.get(1).selected().differsFrom(LIB_VERSIONS));
    }

    @Test
    void anUntestedVersionIsAConfigurationErrorNamingTheTestedOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> select(List.of(), false, "lib-cpu@1.2.0"));
        assertEquals("backend lib-cpu@1.2.0: lib 1.2.0 is not a tested version; tested versions of lib: 0.5.0,"
                + " 1.0.0, 1.1.0. Name a tested one (lib-cpu@1.1.0) or set <allowUntestedVersions>true</allowUntestedVersions>"
                + " (-Dopcompare.allowUntestedVersions=true) to run it anyway", e.getMessage());
    }

    @Test
    void theProjectsUntestedVersionIsRefusedWithItsDependencyPath() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> select(List.of(dep("org.lib", "lib-api", "0.4.0", "com.example:app:jar:1.0", "org.lib:lib-api:jar:0.4.0")), false));
        assertTrue(e.getMessage().startsWith("backend lib-cpu: the project's lib 0.4.0 (com.example:app:jar:1.0 -> org.lib:lib-api:jar:0.4.0)"
                + " is not a tested version; tested versions of lib: 0.5.0, 1.0.0, 1.1.0."), e.getMessage());
    }

    @Test
    void untestedVersionsAllowedRunWithAWarning() {
        BackendDescriptor lib = select(List.of(), true, "lib-cpu@1.2.0").get(0);
        assertTrue(lib.selected().untested());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("lib-cpu@1.2.0 runs lib 1.2.0"), warnings.get(0));
    }

    @Test
    void aVersionOfNoKnownGenerationIsRefusedEvenWhereUntestedOnesAreAllowed() {
        var e = assertThrows(IllegalArgumentException.class, () -> select(List.of(), true, "lib-cpu@2.0.0"));
        assertTrue(e.getMessage().contains("knows no way to put that version on a classpath"), e.getMessage());
    }

    @Test
    void aBackendWithoutAChoiceOfVersionTakesNoVersion() {
        var e = assertThrows(IllegalArgumentException.class, () -> select(List.of(), false, "fixed@1.0"));
        assertTrue(e.getMessage().startsWith("backend fixed runs one version only"), e.getMessage());
    }

    @Test
    void twoPythonsAreNamedAfterTheNumpyEachImports() {
        List<BackendDescriptor> selected = new BackendSelection(CATALOG, null, false, PYTHONS, warnings::add)
                .select(List.of(new BackendRequest("py", null, "/opt/a"), new BackendRequest("py", null, "/opt/b")));
        assertEquals(List.of("py@1.24.2", "py@2.4.6"), selected.stream().map(BackendDescriptor::id).toList());
        assertEquals("/opt/b", selected.get(1).selected().python());
    }

    @Test
    void aNumpyVersionAskedForByNumberFindsThePythonThatImportsIt() {
        BackendDescriptor py = select(List.of(), false, "py@2.4.6").get(0);
        assertEquals("py@2.4.6", py.id());
        assertEquals("/opt/b", py.selected().python());
        var e = assertThrows(IllegalArgumentException.class, () -> select(List.of(), false, "py@1.26.0"));
        assertTrue(e.getMessage().contains("no Python here imports numpy 1.26.0; looked at /opt/c (no numpy),"
                + " /opt/a (numpy 1.24.2), /opt/b (numpy 2.4.6)"), e.getMessage());
    }

    @Test
    void twoPythonsWithOneNumpyAreNamedTwice() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BackendSelection(CATALOG, null, false, PYTHONS, warnings::add)
                .select(List.of(new BackendRequest("py", null, "/opt/a"), new BackendRequest("py", null, "/opt/a"))));
        assertEquals("backend py@1.24.2 is named twice (two Pythons with the same NumPy 1.24.2)", e.getMessage());
    }

    @Test
    void unknownIdsAreNamedWithTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> select(List.of(), false, "lib-gpu@1.0.0"));
        assertTrue(e.getMessage().startsWith("Unknown backend 'lib-gpu'; valid backends are: lib-cpu, fixed, py"), e.getMessage());
    }

    @Test
    void theShortFormIsParsedAndCheckedBeforeAnythingElse() {
        assertEquals(new BackendRequest("lib-cpu", "1.0.0-M2", null), BackendRequest.parse(" LIB-CPU@1.0.0-M2 "));
        assertThrows(IllegalArgumentException.class, () -> BackendRequest.parse("lib-cpu@"));
        assertThrows(IllegalArgumentException.class, () -> BackendRequest.parse("lib-cpu@1.0 0"));
    }
}
