package io.github.opcompare.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One command to a worker, one JSON line on its stdin.
 *
 * <ul>
 *   <li>{@code hello}: the worker answers with its library, version, device, threads and runtime.</li>
 *   <li>{@code run}: the worker reads {@code inputs}, runs {@code op} in {@code dtype} {@code repeats}
 *       times on the same inputs and writes the k-th result at element offset k × (output length / repeats)
 *       of {@code output}; the reply carries the time of the first call.</li>
 *   <li>{@code time}: the worker reads {@code inputs} and times the op as {@code timing} says: the copy
 *       of the inputs into the library's tensors, the op itself, and the copy of its result into
 *       {@code output}, each apart.</li>
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
        Integer repeats,
        TimingSpec timing) {

    public static final String HELLO = "hello";
    public static final String RUN = "run";
    public static final String TIME = "time";
    public static final String EXIT = "exit";

    public static WorkerRequest hello() {
        return new WorkerRequest(HELLO, null, null, null, null, null, null, null);
    }

    public static WorkerRequest exit() {
        return new WorkerRequest(EXIT, null, null, null, null, null, null, null);
    }

    /** Runs the op {@code repeats} times; {@code output} holds room for every repeat's result, one after the other. */
    public static WorkerRequest run(String id, String op, String dtype, List<ArrayRef> inputs, ArrayRef output, int repeats) {
        return new WorkerRequest(RUN, id, op, dtype, inputs, output, repeats, null);
    }

    public static WorkerRequest time(String id, String op, String dtype, List<ArrayRef> inputs, ArrayRef output,
            TimingSpec timing) {
        return new WorkerRequest(TIME, id, op, dtype, inputs, output, null, timing);
    }

    /** How many times a run request runs the op; absent means once. */
    public int repeatCount() {
        return repeats == null || repeats < 1 ? 1 : repeats;
    }
}
