package io.github.opcompare.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request lines a worker must answer without dying of them. */
class WorkerServerRequestsTest {
    /** An executor that only says who it is: these requests never get as far as an op. */
    private static final OpExecutor NAMED_ONLY = new OpExecutor() {
        @Override
        public String library() {
            return "named-only";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
            throw new UnsupportedOpException("no ops");
        }
    };

    private static List<WorkerReply> serve(String lines, int[] exitCode) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode[0] = WorkerServer.serve(WorkerServer.handlerFor(NAMED_ONLY),
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8));
        List<WorkerReply> replies = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            replies.add(WorkerJson.parse(line, WorkerReply.class));
        }
        return replies;
    }

    @Test
    void aRequestWithoutCmdIsAnsweredFailedNamingTheFieldAndTheCommandsAndTheWorkerGoesOn() throws IOException {
        int[] exit = new int[1];
        List<WorkerReply> replies = serve("{\"type\":\"hello\",\"id\":\"r1\"}\n{\"cmd\":\"hello\"}\n{\"cmd\":\"exit\"}\n", exit);
        assertEquals(2, replies.size(), replies.toString());
        WorkerReply missing = replies.get(0);
        assertEquals("failed", missing.status());
        assertEquals("r1", missing.id());
        assertTrue(missing.message().contains("\"cmd\""), missing.message());
        for (String command : List.of("hello", "run", "time", "exit")) {
            assertTrue(missing.message().contains(command), missing.message());
        }
        // The next request is served as usual, and the worker ends on exit as usual.
        assertEquals("ok", replies.get(1).status());
        assertEquals("named-only", replies.get(1).library());
        assertEquals(0, exit[0]);
    }

    @Test
    void aNullRequestLineIsAnsweredFailedToo() throws IOException {
        int[] exit = new int[1];
        List<WorkerReply> replies = serve("null\n{\"cmd\":\"hello\"}\n", exit);
        assertEquals(2, replies.size(), replies.toString());
        assertEquals("failed", replies.get(0).status());
        assertTrue(replies.get(0).message().contains("\"cmd\""), replies.get(0).message());
        assertEquals("ok", replies.get(1).status());
    }

    @Test
    void theHandlerAloneAnswersAMissingCmdAsWell() {
        WorkerReply reply = WorkerServer.handlerFor(NAMED_ONLY).handle(new WorkerRequest(null, "r2", null, null, null, null, null, null));
        assertEquals("failed", reply.status());
        assertEquals("r2", reply.id());
        assertTrue(reply.message().contains("\"cmd\""), reply.message());
    }

    @Test
    void anUnknownCommandListsTheValidOnes() {
        WorkerReply reply = WorkerServer.handlerFor(NAMED_ONLY).handle(new WorkerRequest("helo", "r3", null, null, null, null, null, null));
        assertEquals("failed", reply.status());
        assertTrue(reply.message().contains("unknown command 'helo'"), reply.message());
        assertTrue(reply.message().contains("hello, run, time, exit"), reply.message());
    }
}
