package io.github.opcompare.engine.worker;

/** A worker process died, hung or broke the protocol; the message carries the cause and its last stderr lines. */
public class WorkerFailedException extends Exception {
    public WorkerFailedException(String message) {
        super(message);
    }
}
