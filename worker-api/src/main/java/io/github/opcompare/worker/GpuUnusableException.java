package io.github.opcompare.worker;

/**
 * A worker found at start that the GPU cannot be used: no GPU registered, no kernels for it, a probe
 * op that failed or gave a wrong answer. Its message is the whole reason, shown to users as the
 * backend's skip reason, so it carries no stack trace and prints as its message alone (the worker
 * protocol reports a start failure as the exception's text).
 */
public class GpuUnusableException extends RuntimeException {
    public GpuUnusableException(String reason) {
        super(reason, null, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
