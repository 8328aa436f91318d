package io.github.opcompare.engine.backend;

import java.util.List;

/**
 * Which GPUs a GPU build carries machine code for, as measured in its binary and written in its
 * descriptor. The GPU gate reads it before anything of the worker is resolved, so that a GPU the
 * build has no kernels for costs a message, not a download and a failing launch.
 *
 * @param artifact the build measured ({@code groupId:artifactId:version})
 * @param file the library inside it that holds the kernels, for messages
 * @param computeCapabilities the compute capabilities it holds cubin for ({@code 8.6})
 * @param ptx whether it also holds PTX, which the driver can compile for newer GPUs
 * @param otherwise the backend to suggest on a GPU it cannot run on
 */
public record KernelImages(String artifact, String file, List<String> computeCapabilities, boolean ptx, String otherwise) {
    public KernelImages {
        computeCapabilities = List.copyOf(computeCapabilities);
    }
}
