package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every backend module carries a descriptor that parses and is complete: what makes a new backend
 * one module, its descriptor and one line in the root pom.
 */
class BackendModuleDescriptorsTest {
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    @Test
    void everyBackendFolderIsAModuleOfTheRootPom() throws IOException {
        Set<String> folders = new HashSet<>();
        try (Stream<Path> dirs = Files.list(SourceDescriptors.ROOT.resolve("backends"))) {
            dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).forEach(d -> folders.add("backends/" + d.getFileName()));
        }
        assertEquals(folders, new HashSet<>(SourceDescriptors.modules()));
    }

    @Test
    void everyModulesDescriptorParsesAndIsComplete() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String module : SourceDescriptors.modules()) {
            assertTrue(Files.exists(SourceDescriptors.descriptor(module)), module + " has no " + DescriptorFile.RESOURCE);
            List<BackendDescriptor> backends = SourceDescriptors.read(module);
            String artifactId = artifactId(module);
            for (BackendDescriptor backend : backends) {
                String where = module + " " + backend.id();
                assertTrue(ids.add(backend.id()), "two modules claim " + backend.id());
                assertEquals(artifactId, backend.workerArtifactId(), where + ": artifactId is the module's own");
                assertNotNull(backend.launch(), where);
                assertFalse(backend.dtypes().isEmpty(), where + " claims no dtype");
                assertFalse(backend.ops().isEmpty(), where + " claims no op");
                assertTrue(Set.of("cpu", "gpu").contains(backend.device()), where + ": device " + backend.device());
                if (backend.launch().python()) {
                    Path script = SourceDescriptors.ROOT.resolve(module).resolve("src/main/resources").resolve(backend.launch().script());
                    assertTrue(Files.exists(script), where + ": its script " + script + " exists");
                } else {
                    Path main = SourceDescriptors.ROOT.resolve(module).resolve("src/main/java")
                            .resolve(backend.launch().mainClass().replace('.', '/') + ".java");
                    assertTrue(Files.exists(main), where + ": its main class " + main + " exists");
                }
                assertEquals("gpu".equals(backend.device()), backend.gpu() != null, where + ": GPU requirements on the GPU only");
            }
        }
    }

    /**
     * ND4J's CUDA 11.6 build has no kernels for compute capability 9.0 (an H100): measured in its
     * libnd4jcuda.so, whose .nv_fatbin holds cubin for sm_37 to sm_86 and no PTX. That rule lives in
     * the nd4j-gpu descriptor and must stay there.
     */
    @Test
    void theNd4jGpuDescriptorKeepsItsMeasuredKernelTable() {
        KernelImages kernels = SourceDescriptors.find("nd4j-gpu").gpu().kernels();
        assertEquals(List.of("3.7", "5.0", "5.2", "6.0", "6.1", "7.0", "7.5", "8.0", "8.6"), kernels.computeCapabilities());
        assertFalse(kernels.ptx());
        assertEquals("nd4j-cpu", kernels.otherwise());
    }

    private static String artifactId(String module) throws IOException {
        Matcher m = ARTIFACT_ID.matcher(Files.readString(SourceDescriptors.ROOT.resolve(module).resolve("pom.xml")));
        assertTrue(m.find(), module + "/pom.xml names its artifactId after its parent");
        return m.group(1);
    }
}
