package io.github.opcompare.worker.conformance;

import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;

/** A way to put a request to a backend and get its reply: in this JVM, or over a forked worker's pipes. */
public interface WorkerChannel {

    /** Shown in the test names: which way the backend was driven. */
    String name();

    WorkerReply send(WorkerRequest request);
}
