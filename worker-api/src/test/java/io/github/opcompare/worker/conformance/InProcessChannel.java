package io.github.opcompare.worker.conformance;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.RequestHandler;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.WorkerServer;

/** The executor behind the worker server's own request handling, in this JVM: no process, the same files. */
final class InProcessChannel implements WorkerChannel {
    private final RequestHandler handler;

    InProcessChannel(OpExecutor executor) {
        this.handler = WorkerServer.handlerFor(executor);
    }

    @Override
    public String name() {
        return "executor in this JVM";
    }

    @Override
    public WorkerReply send(WorkerRequest request) {
        return handler.handle(request);
    }
}
