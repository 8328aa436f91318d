package io.github.opcompare.engine.backend;

import java.util.List;

/**
 * What a backend's GPU build needs from the machine besides a GPU, from its descriptor: the platforms
 * it is published for, a driver new enough for its CUDA version, the CUDA libraries it loads at run
 * time, and the GPUs it has kernels for. The GPU gate checks them before anything is resolved.
 *
 * @param summary what the build is, for messages ({@code TensorFlow 2.18's GPU build (CUDA 12, cuDNN 9)})
 * @param platforms the platform classifiers the GPU build is published for
 * @param cudaVersion the CUDA version it was built with
 * @param minimumDriver the oldest NVIDIA driver that CUDA version runs on
 * @param libraries the libraries it loads from the host
 * @param searchDirs directories the build searches by itself besides the loader's (its RUNPATH)
 * @param kernels the GPUs it has kernels for; null when it runs on every GPU its CUDA version supports
 */
public record GpuRequirements(String summary, List<String> platforms, String cudaVersion, String minimumDriver,
        List<RequiredLibrary> libraries, List<String> searchDirs, KernelImages kernels) {
    public GpuRequirements {
        platforms = List.copyOf(platforms);
        libraries = List.copyOf(libraries);
        searchDirs = List.copyOf(searchDirs);
    }
}
