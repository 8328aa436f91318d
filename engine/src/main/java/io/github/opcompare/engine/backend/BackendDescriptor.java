package io.github.opcompare.engine.backend;

import java.util.Map;

/**
 * One entry of the backend catalog: a library on a device, and the worker module that runs it.
 *
 * @param id the name users configure ({@code tensorflow-cpu})
 * @param library library name ({@code tensorflow})
 * @param device device kind ({@code cpu}, {@code gpu})
 * @param workerArtifactId artifactId (groupId {@code io.github.opcompare}, the plugin's version) of the
 *     worker module; its {@code META-INF/opcompare/backend.properties} says how to start it
 * @param environment environment variables the worker process is started with
 */
public record BackendDescriptor(
        String id,
        String library,
        String device,
        String workerArtifactId,
        Map<String, String> environment) {

    /** The same backend with more environment variables (overriding the catalog's where they meet). */
    public BackendDescriptor withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new BackendDescriptor(id, library, device, workerArtifactId, Map.copyOf(merged));
    }
}
