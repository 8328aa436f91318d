package io.github.opcompare.worker;

/** Answers one request; what a worker is once {@link WorkerServer} has the protocol in hand. */
@FunctionalInterface
public interface RequestHandler {
    WorkerReply handle(WorkerRequest request);
}
