package io.github.opcompare.engine.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One command to a worker, one JSON line on its stdin.
 *
 * <ul>
 *   <li>{@code hello}: the worker answers with its library, version and device.</li>
 *   <li>{@code run}: the worker reads {@code inputs}, runs {@code op} in {@code dtype}, writes the
 *       result to {@code output}, then times the op as {@code timing} says.</li>
 *   <li>{@code exit}: the worker ends.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerRequest(
        String cmd,
        String id,
        String op,
        String dtype,
        List<ArrayRef> inputs,
        ArrayRef output,
        TimingSpec timing) {

    public static final String HELLO = "hello";
    public static final String RUN = "run";
    public static final String EXIT = "exit";

    public static WorkerRequest hello() {
        return new WorkerRequest(HELLO, null, null, null, null, null, null);
    }

    public static WorkerRequest exit() {
        return new WorkerRequest(EXIT, null, null, null, null, null, null);
    }

    public static WorkerRequest run(String id, String op, String dtype, List<ArrayRef> inputs, ArrayRef output,
            TimingSpec timing) {
        return new WorkerRequest(RUN, id, op, dtype, inputs, output, timing);
    }
}
