package io.github.opcompare.engine.npy;

/**
 * The content of one {@code .npy} file.
 *
 * @param descr the dtype as the header gives it ({@code "<f4"}, {@code ">f8"}, {@code "<f2"})
 * @param shape the array's shape ({@code {}} for a scalar)
 * @param data every element in C order, widened exactly to double
 */
public record NpyArray(String descr, int[] shape, double[] data) {
}
