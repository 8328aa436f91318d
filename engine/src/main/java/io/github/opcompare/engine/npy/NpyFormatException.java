package io.github.opcompare.engine.npy;

/** A {@code .npy} file that cannot be read; the message names the file and what is wrong with it. */
public class NpyFormatException extends IllegalArgumentException {
    public NpyFormatException(String message) {
        super(message);
    }

    public NpyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
