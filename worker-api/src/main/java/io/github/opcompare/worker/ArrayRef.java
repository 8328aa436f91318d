package io.github.opcompare.worker;

/** A raw little-endian array in a file: where it is and how many elements it has. */
public record ArrayRef(String path, int length) {
}
