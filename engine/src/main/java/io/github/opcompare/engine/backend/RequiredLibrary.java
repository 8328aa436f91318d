package io.github.opcompare.engine.backend;

/**
 * A shared library a GPU build loads from the host, as its descriptor names it.
 *
 * @param soname what the build asks the loader for ({@code libcudnn.so.9})
 * @param what what it is, for messages ({@code cuDNN 9})
 * @param debianPackage the package that installs it on Debian or Ubuntu, from NVIDIA's CUDA repository;
 *     {@code <driver branch>} stands for the major version of the driver found
 */
public record RequiredLibrary(String soname, String what, String debianPackage) {
}
