package io.github.opcompare.worker;

import java.nio.ByteBuffer;

/** An op bound to its input tensors, ready to be called many times. */
public interface PreparedCall extends AutoCloseable {

    /**
     * Runs the op once, to completion (synchronised with the device), keeping the result for
     * {@link #writeResult} and releasing the previous one.
     */
    void call();

    /** Writes the last call's result into {@code out} as little-endian elements, from position 0. */
    void writeResult(ByteBuffer out);

    /** Releases the input tensors and the last result. */
    @Override
    void close();
}
