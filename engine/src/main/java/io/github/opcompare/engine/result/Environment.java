package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The machine and tools a run was made on, so that results from different machines can be told apart. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
        String os,
        String osVersion,
        String arch,
        String cpuModel,
        int cores,
        long memoryBytes,
        String java,
        String javaVendor,
        String maven,
        String hostname,
        String timestamp) {
}
