package io.github.opcompare.worker;

/**
 * Thrown by a backend for an op or dtype its library does not have. The reason is shown to users,
 * so it says what is missing ("ND4J has no float16 erfc"), never a silent emulation.
 */
public class UnsupportedOpException extends Exception {
    public UnsupportedOpException(String reason) {
        super(reason);
    }
}
