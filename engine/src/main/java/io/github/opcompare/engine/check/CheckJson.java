package io.github.opcompare.engine.check;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.opcompare.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes check.json (schema {@value CheckReport#SCHEMA}). */
public final class CheckJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckJson() {
    }

    public static void write(CheckReport report, Path file) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, report));
    }

    public static CheckReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), CheckReport.class);
    }
}
