package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The descriptor format: what a minimal one means, and how an incomplete one is refused. */
class DescriptorFileTest {
    private static final String MINIMAL = """
            {
              // comments are allowed, to say why
              "format": "opcompare-backend/1",
              "artifactId": "opcompare-backend-mine",
              "library": "mine",
              "worker": {"kind": "java", "mainClass": "org.example.MineWorker"},
              "platformArtifacts": [],
              "dtypes": ["float32"],
              "ops": ["exp", "atan2"],
              "backends": [{"id": "mine-cpu", "device": "cpu", "environment": {"MINE_THREADS": "1"}}]
            }
            """;

    @Test
    void aMinimalDescriptorDescribesOneCpuBackend() throws IOException {
        List<BackendDescriptor> backends = read(MINIMAL);
        assertEquals(1, backends.size());
        BackendDescriptor mine = backends.get(0);
        assertEquals("mine-cpu", mine.id());
        assertEquals("mine", mine.library());
        assertEquals("cpu", mine.device());
        assertEquals("opcompare-backend-mine", mine.workerArtifactId());
        assertEquals(Map.of("MINE_THREADS", "1"), mine.environment());
        assertEquals(WorkerLaunch.java("org.example.MineWorker"), mine.launch());
        assertTrue(mine.claimsOp("atan2"));
        assertTrue(!mine.claimsOp("sqrt"));
        assertTrue(mine.claimsDType("float32") && !mine.claimsDType("float64"));
        assertNull(mine.gpu());
        assertNull(mine.determinism());
    }

    @Test
    void aBackendMayAskToRunOnlyWhenNamed() throws IOException {
        assertTrue(!read(MINIMAL).get(0).onlyWhenNamed());
        assertTrue(read(MINIMAL.replace("\"device\": \"cpu\",", "\"device\": \"cpu\", \"onlyWhenNamed\": true,")).get(0).onlyWhenNamed());
        assertEquals("test.json.backends[0]: onlyWhenNamed is missing (true or false)",
                error(MINIMAL.replace("\"device\": \"cpu\",", "\"device\": \"cpu\", \"onlyWhenNamed\": \"yes\",")));
    }

    @Test
    void aWorkerMayDeclareItsLibraryMultiThreaded() throws IOException {
        assertFalse(read(MINIMAL).get(0).launch().multiThreaded());
        String declared = MINIMAL.replace("\"mainClass\": \"org.example.MineWorker\"",
                "\"mainClass\": \"org.example.MineWorker\", \"multiThreaded\": true");
        assertTrue(read(declared).get(0).launch().multiThreaded());
        assertEquals("test.json.worker: multiThreaded is missing (true or false)",
                error(declared.replace("\"multiThreaded\": true", "\"multiThreaded\": \"yes\"")));
    }

    @Test
    void aMissingFieldIsNamedWithItsPlace() {
        assertEquals("test.json: library is missing (a non-empty string)", error(MINIMAL.replace("\"library\": \"mine\",", "")));
        assertEquals("test.json.worker: mainClass is missing (a non-empty string)",
                error(MINIMAL.replace(", \"mainClass\": \"org.example.MineWorker\"", "")));
        assertEquals("test.json.backends[0]: environment is missing (an object of strings; {} for none)",
                error(MINIMAL.replace(", \"environment\": {\"MINE_THREADS\": \"1\"}", "")));
    }

    @Test
    void aGpuBackendMustSayWhatItNeeds() {
        assertEquals("test.json.backends[0]: gpu is missing (an object)", error(MINIMAL.replace("\"device\": \"cpu\"", "\"device\": \"gpu\"")));
    }

    @Test
    void unknownOpsAndDtypesAreRefused() {
        assertTrue(error(MINIMAL.replace("\"exp\"", "\"expp\"")).startsWith("test.json: ops Unknown op 'expp'"));
        assertTrue(error(MINIMAL.replace("[\"float32\"]", "[\"float128\"]")).startsWith("test.json: dtypes Unknown dtype 'float128'"));
    }

    @Test
    void anotherFormatIsRefusedByName() {
        assertEquals("test.json is in format 'opcompare-backend/2'; this opcompare reads opcompare-backend/1",
                error(MINIMAL.replace("backend/1", "backend/2")));
    }

    @Test
    void notJsonIsSaidSo() {
        assertTrue(error("{\"format\": ").startsWith("test.json is not JSON"));
    }

    private static final String VERSIONS = """
              "versions": {
                "default": "2.0", "tested": ["1.0", "2.0"], "project": ["org.mine:mine-api", "org.mine:mine-platform*"],
                "libraryGroups": ["org.mine"],
                "generations": [{"prefix": "1.", "artifacts": ["org.mine:mine-api"], "platformArtifacts": ["org.mine:mine-api"]},
                                {"prefix": "2.", "artifacts": ["org.mine:mine-api"], "platformArtifacts": ["org.mine:mine-native"]}]
              },
            """;

    @Test
    void versionsSayWhichLibraryVersionsRunAndHow() throws IOException {
        BackendDescriptor mine = read(MINIMAL.replace("\"dtypes\"", VERSIONS + "\"dtypes\"")).get(0);
        LibraryVersions versions = mine.versions();
        assertEquals("2.0", versions.defaultVersion());
        assertEquals(List.of("org.mine:mine-native"), versions.generationOf("2.0.1").orElseThrow().platformArtifacts());
        assertEquals(List.of("org.mine:mine-api"), versions.generationOf("1.0").orElseThrow().platformArtifacts());
        assertTrue(versions.generationOf("3.0").isEmpty());
        assertTrue(versions.readsProjectArtifact("org.mine", "mine-platform-gpu"));
        assertFalse(versions.readsProjectArtifact("org.mine", "mine-native"));
        assertFalse(versions.readsProjectArtifact("org.other", "mine-api"));
    }

    @Test
    void aDefaultOutsideTheTestedVersionsIsRefused() {
        assertEquals("test.json.versions: tested does not hold the default version 2.0",
                error(MINIMAL.replace("\"dtypes\"", VERSIONS.replace("[\"1.0\", \"2.0\"]", "[\"1.0\"]") + "\"dtypes\"")));
        assertEquals("test.json.versions: generations hold none for the tested version 2.0",
                error(MINIMAL.replace("\"dtypes\"", VERSIONS.replace("\"prefix\": \"2.\"", "\"prefix\": \"3.\"") + "\"dtypes\"")));
    }

    private static List<BackendDescriptor> read(String json) throws IOException {
        return DescriptorFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
    }
}
