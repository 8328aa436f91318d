package io.github.opcompare.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A worker's answer, one JSON line on its stdout.
 *
 * @param status {@code ok}, {@code unsupported} (the library lacks the op or dtype) or
 *     {@code failed} (the library threw)
 * @param message why, when the status is not ok
 * @param threads threads the library uses for one op (hello)
 * @param runtime the runtime the worker runs on and its flags, e.g. {@code OpenJDK 17.0.15 -Xmx1g} (hello)
 * @param firstCallNanos time of the first call of a run: includes what a library does once per op
 *     (kernel loading, JIT compilation, allocating its pools), which steady-state timing leaves out
 * @param sampleNanos time per call of each timed sample of the op, in nanoseconds
 * @param callsPerSample calls timed together in each sample
 * @param setupNanos wall time of a time request besides its sampling (which keeps to its budget):
 *     mapping the output, the first copies in and out, releasing the tensors. It grows with the
 *     size; the engine scales it up to foresee whether a larger size fits the budget
 * @param transferInNanos time of each sample of copying the inputs into the library's tensors
 * @param transferOutNanos time of each sample of copying the result out of the library's tensor
 * @param warmupCalls calls of the op made before its first sample (time), so that the warm-up
 *     rules can be checked from outside the worker, as the conformance kit does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerReply(
        String id,
        String status,
        String message,
        String library,
        String version,
        String device,
        Integer threads,
        String runtime,
        Long firstCallNanos,
        List<Double> sampleNanos,
        Long callsPerSample,
        Long setupNanos,
        List<Double> transferInNanos,
        List<Double> transferOutNanos,
        Long warmupCalls) {

    public static final String OK = "ok";
    public static final String UNSUPPORTED = "unsupported";
    public static final String FAILED = "failed";

    public static WorkerReply hello(String library, String version, String device, int threads, String runtime) {
        return new WorkerReply(null, OK, null, library, version, device, threads, runtime, null, null, null, null, null, null, null);
    }

    public static WorkerReply ran(String id, long firstCallNanos) {
        return new WorkerReply(id, OK, null, null, null, null, null, null, firstCallNanos, null, null, null, null, null, null);
    }

    public static WorkerReply timed(String id, CallTimer.Samples op, long setupNanos, List<Double> transferInNanos,
            List<Double> transferOutNanos) {
        return new WorkerReply(id, OK, null, null, null, null, null, null, null, op.perCallNanos(), op.callsPerSample(),
                setupNanos, transferInNanos, transferOutNanos, op.warmupCalls());
    }

    public static WorkerReply notRun(String id, String status, String message) {
        return new WorkerReply(id, status, message, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
