package io.github.opcompare.engine.worker;

/** A backend cannot run on this machine; the message says why and is shown to users as is. */
public class BackendUnavailableException extends Exception {
    public BackendUnavailableException(String reason) {
        super(reason);
    }

    public BackendUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
