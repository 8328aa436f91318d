"""opcompare worker for NumPy: the JSON-lines protocol of io.github.opcompare.engine.worker.

Reads one JSON request per line on stdin, answers one JSON line on stdout, and prints nothing else
there (diagnostics go to stderr). Inputs and outputs are raw little-endian arrays in files, as
RawArrayFiles writes them. Timing mirrors engine worker/CallTimer.
"""
import json
import sys
import time
import traceback

PROTOCOL = sys.stdout
sys.stdout = sys.stderr  # nothing but replies may reach the protocol channel

try:
    import numpy as np
except Exception as e:  # reported through hello, so the run shows why
    np = None
    IMPORT_ERROR = "cannot import numpy: %s; install NumPy (Debian: apt-get install python3-numpy)" % e

DTYPES = {"float32": "<f4", "float64": "<f8"}

UNARY = {
    "sqrt": "sqrt", "exp": "exp", "log": "log", "sin": "sin", "cos": "cos", "tanh": "tanh",
}
BINARY = {
    "add": "add", "sub": "subtract", "mul": "multiply", "div": "true_divide",
    "maximum": "maximum", "minimum": "minimum",
}
REDUCTION = {"reduce_sum": "sum", "reduce_max": "max", "reduce_min": "min"}


def reply(message):
    PROTOCOL.write(json.dumps(message, separators=(",", ":")) + "\n")
    PROTOCOL.flush()


def prepare(op, inputs):
    if op in UNARY:
        f = getattr(np, UNARY[op])
        a = inputs[0]
        return lambda: f(a)
    if op in BINARY:
        f = getattr(np, BINARY[op])
        a, b = inputs
        return lambda: f(a, b)
    if op in REDUCTION:
        f = getattr(np, REDUCTION[op])
        a = inputs[0]
        return lambda: f(a)
    return None


def calls_per_sample(call, min_sample_nanos):
    calls = 1
    while True:
        t0 = time.perf_counter_ns()
        for _ in range(calls):
            call()
        elapsed = time.perf_counter_ns() - t0
        if elapsed >= min_sample_nanos or calls >= (1 << 30):
            return calls
        estimate = calls * 2 if elapsed <= 0 else -(-calls * min_sample_nanos // elapsed)
        calls = max(calls * 2, min(estimate, calls * 64))


def time_call(call, spec):
    if not spec or spec.get("samples", 0) <= 0:
        return [], 0
    start = time.perf_counter_ns()
    warm_start = time.perf_counter_ns()
    for _ in range(spec.get("maxWarmupCalls", 0)):
        call()
        if time.perf_counter_ns() - warm_start >= spec.get("warmupNanos", 0):
            break
    calls = calls_per_sample(call, spec.get("minSampleNanos", 0))
    samples = []
    while len(samples) < spec["samples"]:
        t0 = time.perf_counter_ns()
        for _ in range(calls):
            call()
        elapsed = time.perf_counter_ns() - t0
        samples.append(elapsed / calls)
        over_budget = time.perf_counter_ns() - start > spec.get("budgetNanos", 0)
        if over_budget and len(samples) >= max(1, spec.get("minSamples", 0)):
            break
    return samples, calls


def run(request):
    rid = request.get("id")
    op = request.get("op")
    dtype = DTYPES.get(request.get("dtype"))
    if dtype is None:
        return {"id": rid, "status": "unsupported", "message": "NumPy backend has no dtype %s" % request.get("dtype")}
    inputs = [np.fromfile(ref["path"], dtype=dtype, count=ref["length"]) for ref in request["inputs"]]
    call = prepare(op, inputs)
    if call is None:
        return {"id": rid, "status": "unsupported", "message": "NumPy backend has no mapping for op %s" % op}
    out = request["output"]
    result = np.asarray(call(), dtype=dtype).reshape(-1)
    if result.size != out["length"]:
        return {"id": rid, "status": "failed",
                "message": "NumPy returned %d values, expected %d" % (result.size, out["length"])}
    result.astype(dtype, copy=False).tofile(out["path"])
    samples, calls = time_call(call, request.get("timing"))
    return {"id": rid, "status": "ok", "sampleNanos": samples, "callsPerSample": calls}


def handle(request):
    cmd = request.get("cmd")
    if np is None:
        return {"id": request.get("id"), "status": "failed", "message": IMPORT_ERROR}
    if cmd == "hello":
        return {"status": "ok", "library": "numpy", "version": np.__version__, "device": "cpu"}
    if cmd == "run":
        try:
            with np.errstate(all="ignore"):
                return run(request)
        except Exception as e:
            traceback.print_exc(file=sys.stderr)
            return {"id": request.get("id"), "status": "failed", "message": "%s: %s" % (type(e).__name__, e)}
    return {"id": request.get("id"), "status": "failed", "message": "unknown command '%s'" % cmd}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get("cmd") == "exit":
            return 0
        reply(handle(request))
    return 0


if __name__ == "__main__":
    sys.exit(main())
