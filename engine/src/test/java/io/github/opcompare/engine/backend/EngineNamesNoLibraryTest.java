package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Library knowledge lives in the backends' descriptors, never in the engine: no class of the
 * engine's main code holds the name of a library in any string, class or member name. Checked on the
 * compiled classes (their constant pools hold every such name in plain ASCII), so that comments may
 * still mention where a measurement came from.
 */
class EngineNamesNoLibraryTest {
    private static final List<String> LIBRARIES = List.of("tensorflow", "nd4j");

    @Test
    void noEngineClassNamesALibrary() throws IOException, URISyntaxException {
        Path classes = Path.of(BackendCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes), "the engine's classes are a folder in its own build: " + classes);
        List<String> offenders;
        int checked;
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
            checked = classFiles.size();
            offenders = classFiles.stream().filter(EngineNamesNoLibraryTest::namesALibrary)
                    .map(f -> classes.relativize(f).toString()).toList();
        }
        assertTrue(checked > 100, "checked " + checked + " classes");
        assertEquals(List.of(), offenders);
    }

    private static boolean namesALibrary(Path classFile) {
        try {
            // ISO-8859-1 maps each byte to one char: the constant pool's ASCII names read as text.
            String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            return LIBRARIES.stream().anyMatch(text::contains);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
