package io.github.opcompare.engine.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.opcompare.engine.result.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes results.json (schema {@value Results#SCHEMA}). */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ResultsJson() {
    }

    /** Writes atomically, so readers and interrupted builds never see a torn file. */
    public static void write(Results results, Path file) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, results));
    }

    public static String toJson(Results results) throws IOException {
        return MAPPER.writeValueAsString(results);
    }

    public static Results read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("No results at " + file + "; run the compare goal first (mvn verify or mvn opcompare:compare)");
        }
        Results results = MAPPER.readValue(file.toFile(), Results.class);
        if (!Results.SCHEMA.equals(results.schema())) {
            throw new IOException(file + " has schema '" + results.schema() + "', but this plugin reads '" + Results.SCHEMA + "'");
        }
        return results;
    }
}
