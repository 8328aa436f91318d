package io.github.opcompare.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON-lines codec both sides of the worker protocol share. */
public final class WorkerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WorkerJson() {
    }

    /** One line of JSON, without the line break. */
    public static String line(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + message, e);
        }
    }

    public static <T> T parse(String line, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(line, type);
    }
}
