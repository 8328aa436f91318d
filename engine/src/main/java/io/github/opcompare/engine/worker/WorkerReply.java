package io.github.opcompare.engine.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A worker's answer, one JSON line on its stdout.
 *
 * @param status {@code ok}, {@code unsupported} (the library lacks the op or dtype) or
 *     {@code failed} (the library threw)
 * @param message why, when the status is not ok
 * @param sampleNanos time per call of each timed sample, in nanoseconds
 * @param callsPerSample calls timed together in each sample
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerReply(
        String id,
        String status,
        String message,
        String library,
        String version,
        String device,
        List<Double> sampleNanos,
        Long callsPerSample) {

    public static final String OK = "ok";
    public static final String UNSUPPORTED = "unsupported";
    public static final String FAILED = "failed";

    public static WorkerReply hello(String library, String version, String device) {
        return new WorkerReply(null, OK, null, library, version, device, null, null);
    }

    public static WorkerReply ran(String id, List<Double> sampleNanos, long callsPerSample) {
        return new WorkerReply(id, OK, null, null, null, null, sampleNanos, callsPerSample);
    }

    public static WorkerReply notRun(String id, String status, String message) {
        return new WorkerReply(id, status, message, null, null, null, null, null);
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
