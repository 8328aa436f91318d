"""opcompare worker for NumPy: the JSON-lines protocol of io.github.opcompare.worker (module worker-api).

Reads one JSON request per line on stdin, answers one JSON line on stdout, and prints nothing else
there (diagnostics go to stderr). Inputs and outputs are raw little-endian arrays in files, as
RawArrayFiles writes them. Timing mirrors worker-api's CallTimer.
"""
import json
import math
import os
import platform
import sys
import threading
import time
import traceback

PROTOCOL = sys.stdout
sys.stdout = sys.stderr  # nothing but replies may reach the protocol channel

try:
    import numpy as np
except Exception as e:  # reported through hello, so the run shows why
    np = None
    IMPORT_ERROR = "cannot import numpy: %s; install NumPy (Debian: apt-get install python3-numpy)" % e

# float16 is IEEE binary16 ('<f2'), stored as the raw files hold it: its bit pattern, little-endian.
DTYPES = {"float16": "<f2", "float32": "<f4", "float64": "<f8"}
# Dtypes the engine has and NumPy lacks, with the reason; never emulated in another type.
MISSING_DTYPES = {
    "bfloat16": "NumPy has no bfloat16 dtype (it is not one of NumPy's types; the separate ml_dtypes"
                " package adds one, which would no longer be NumPy's arithmetic)",
}

UNARY = {
    "sqrt": "sqrt", "exp": "exp", "log": "log", "sin": "sin", "cos": "cos", "tanh": "tanh",
    "abs": "absolute", "neg": "negative", "square": "square", "reciprocal": "reciprocal", "cbrt": "cbrt",
    "exp2": "exp2", "expm1": "expm1", "log2": "log2", "log10": "log10", "log1p": "log1p",
    "tan": "tan", "asin": "arcsin", "acos": "arccos", "atan": "arctan",
    "sinh": "sinh", "cosh": "cosh", "asinh": "arcsinh", "acosh": "arccosh", "atanh": "arctanh",
    "floor": "floor", "ceil": "ceil", "rint": "rint",  # rint rounds halfway cases to even
}
BINARY = {
    "add": "add", "sub": "subtract", "mul": "multiply", "div": "true_divide",
    "maximum": "maximum", "minimum": "minimum", "pow": "power", "atan2": "arctan2",
    # np.fmod is C's fmod, the catalog's mod; np.mod / np.remainder are Python's floor-mod.
    "mod": "fmod",
}
REDUCTION = {"reduce_sum": "sum", "reduce_max": "max", "reduce_min": "min", "reduce_mean": "mean",
             "reduce_prod": "prod"}
MISSING = {
    "rsqrt": "NumPy has no 1/sqrt function (1 / np.sqrt(x) rounds twice)",
    "sigmoid": "NumPy has no sigmoid (scipy.special.expit is SciPy, not NumPy)",
    "erf": "NumPy has no erf (scipy.special.erf is SciPy, not NumPy)",
    "erfc": "NumPy has no erfc (scipy.special.erfc is SciPy, not NumPy)",
    "softmax": "NumPy has no softmax (scipy.special.softmax is SciPy, not NumPy)",
}


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
    if op == "softplus":
        # NumPy's own ufunc for log(e^a + e^b): with a = 0 it is log(1 + e^x).
        a = inputs[0]
        zero = np.zeros((), dtype=a.dtype)
        return lambda: np.logaddexp(zero, a)
    if op == "logsumexp":
        # NumPy's reduction of its logaddexp ufunc over the vector.
        a = inputs[0]
        return lambda: np.logaddexp.reduce(a)
    if op == "matmul":
        # n x n row-major views of the flat operands; the product comes back flat.
        a, b = inputs
        n = int(round(a.size ** 0.5))
        if n * n != a.size:
            raise ValueError("matmul takes n*n values per operand, got %d" % a.size)
        am, bm = a.reshape(n, n), b.reshape(n, n)
        return lambda: np.matmul(am, bm).reshape(-1)
    return None


# The timing rules (warm-up share, steadiness, batch bounds, transfer shares) are not copied here:
# every time request carries them as timing.rules, from worker-api's TimingRules, their one home.


def grow(calls, elapsed, target, rules):
    estimate = calls * 2 if elapsed <= 0 else -(-calls * target // elapsed)
    return min(rules["maxBatch"], max(calls * 2, min(estimate, calls * rules["maxGrowth"])))


def warm_up(call, spec, start):
    """Warm-up and calibration in one, as CallTimer.warmUp: rounds of at least warmupRoundNanos,
    doubling once calibrated until the last three agree; returns the calls per sample and the calls made."""
    rules = spec["rules"]
    limit = min(spec.get("warmupNanos", 0), int(spec.get("budgetNanos", 0) * rules["warmupShare"]))
    steady_rounds, max_batch = rules["steadyRounds"], rules["maxBatch"]
    min_sample = spec.get("minSampleNanos", 0)
    round_ns = max(spec.get("warmupRoundNanos", 0), min_sample)
    calls, total, rounds, calibrated = 1, 0, [], False
    while True:
        t0 = time.perf_counter_ns()
        for _ in range(calls):
            call()
        t1 = time.perf_counter_ns()
        elapsed = t1 - t0
        total += calls
        calibrated = calibrated or elapsed >= round_ns or calls >= max_batch
        if calibrated:
            rounds.append(elapsed / calls)
            last = rounds[-steady_rounds:]
            if len(last) == steady_rounds and max(last) <= min(last) * (1 + rules["steadyTolerance"]):
                return sample_calls(elapsed, calls, min_sample, max_batch), total
        following = min(max_batch, calls * 2) if calibrated else grow(calls, elapsed, round_ns, rules)
        # Stop before a round that would end past the limit, not after it.
        if t1 - start + elapsed / calls * following > limit or total >= spec.get("maxWarmupCalls", 0):
            return sample_calls(elapsed, calls, min_sample, max_batch), total
        calls = following


def sample_calls(elapsed, calls, min_sample, max_batch):
    """As CallTimer.sampleCalls: the fewest calls that last min_sample at the last round's pace."""
    per_call = max(1.0, elapsed / calls)
    return max(1, min(max_batch, math.ceil(min_sample / per_call)))


def time_call(call, spec):
    """As CallTimer.time: per-call nanoseconds of each sample, the calls per sample, the warm-up calls."""
    if not spec or spec.get("samples", 0) <= 0 or spec.get("budgetNanos", 0) <= 0:
        return [], 0, 0
    start = time.perf_counter_ns()
    calls, warmup_calls = warm_up(call, spec, start)
    samples = []
    while len(samples) < spec["samples"]:
        t0 = time.perf_counter_ns()
        for _ in range(calls):
            call()
        t1 = time.perf_counter_ns()
        samples.append((t1 - t0) / calls)
        next_overruns = t1 - start + (t1 - t0) > spec["budgetNanos"]
        if next_overruns and len(samples) >= max(1, spec.get("minSamples", 0)):
            break
        if tight_enough(samples, spec) and len(samples) >= spec.get("minSamples", 0):
            break
    return samples, calls, warmup_calls


def tight_enough(samples, spec):
    """As MedianInterval.tightEnough: at a checkpoint (the first check, then each doubling), whether the
    order-statistic 95% interval of the median is at most targetRelativeWidth of it wide."""
    target = spec.get("targetRelativeWidth", 0)
    n = len(samples)
    if target <= 0 or n < spec["rules"].get("firstIntervalCheck", 32) or n & (n - 1):
        return False
    s = sorted(samples)
    half = 1.959963984540054 * math.sqrt(n) / 2
    low = max(0, math.floor(n / 2.0 - half) - 1)
    high = min(n - 1, math.ceil(n / 2.0 + half))
    median = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    return median > 0 and (s[high] - s[low]) / median <= target


def transfer_spec(spec, share):
    """As TimingSpec.forTransfer: one warm-up copy, at least one sample."""
    return dict(spec, maxWarmupCalls=1, samples=min(spec["samples"], spec["rules"]["transferSamples"]), minSamples=1,
                budgetNanos=int(spec["budgetNanos"] * share))


def op_spec(spec):
    rules = spec["rules"]
    return dict(spec, budgetNanos=int(spec["budgetNanos"] * (1 - rules["transferInShare"] - rules["transferOutShare"])))


def read_inputs(request, dtype):
    """NumPy's own arrays from the raw files: the transfer in."""
    return [np.fromfile(ref["path"], dtype=dtype, count=ref["length"]) for ref in request["inputs"]]


def unsupported_dtype(request):
    dtype = request.get("dtype")
    return {"id": request.get("id"), "status": "unsupported",
            "message": MISSING_DTYPES.get(dtype, "NumPy backend has no dtype %s" % dtype)}


def unsupported_op(request):
    op = request.get("op")
    return {"id": request.get("id"), "status": "unsupported",
            "message": MISSING.get(op, "NumPy backend has no mapping for op %s" % op)}


def run(request):
    """Runs the op `repeats` times on the same arrays, each result into its slice of the output."""
    rid = request.get("id")
    dtype = DTYPES.get(request.get("dtype"))
    if dtype is None:
        return unsupported_dtype(request)
    call = prepare(request.get("op"), read_inputs(request, dtype))
    if call is None:
        return unsupported_op(request)
    repeats = max(1, request.get("repeats") or 1)
    out = request["output"]
    length = out["length"] // repeats
    output = np.memmap(out["path"], dtype=dtype, mode="w+", shape=(length * repeats,))
    first_call = 0
    for k in range(repeats):
        t0 = time.perf_counter_ns()
        result = np.asarray(call(), dtype=dtype).reshape(-1)
        if k == 0:
            first_call = time.perf_counter_ns() - t0
        if result.size != length:
            return {"id": rid, "status": "failed",
                    "message": "NumPy returned %d values, expected %d" % (result.size, length)}
        output[k * length:(k + 1) * length] = result
    output.flush()
    del output
    return {"id": rid, "status": "ok", "firstCallNanos": first_call}


def more_samples(first, copy, spec, start, budget):
    """As WorkerServer.moreSamples: a long first copy is a sample, more follow while the budget lasts."""
    if first < spec.get("minSampleNanos", 0):
        return time_call(copy, spec)[0]
    samples = [first]
    while len(samples) < spec["rules"]["longCopySamples"] and time.perf_counter_ns() - start + first <= budget:
        t0 = time.perf_counter_ns()
        copy()
        samples.append(time.perf_counter_ns() - t0)
    return samples


def time_request(request):
    """Times the transfer in, the op and the transfer out apart, as the Java WorkerServer does."""
    rid = request.get("id")
    dtype = DTYPES.get(request.get("dtype"))
    if dtype is None:
        return unsupported_dtype(request)
    spec = request["timing"]
    start = time.perf_counter_ns()
    out = request["output"]
    output = np.memmap(out["path"], dtype=dtype, mode="w+", shape=(out["length"],))
    t0 = time.perf_counter_ns()
    inputs = read_inputs(request, dtype)
    first_in = time.perf_counter_ns() - t0
    call = prepare(request.get("op"), inputs)
    if call is None:
        return unsupported_op(request)
    op_start = time.perf_counter_ns()
    samples, calls, warmup_calls = time_call(call, op_spec(spec))
    sampling = time.perf_counter_ns() - op_start
    result = np.asarray(call(), dtype=dtype).reshape(-1)

    def write_out():
        output[:] = result

    t0 = time.perf_counter_ns()
    write_out()
    first_out = time.perf_counter_ns() - t0
    extra = time.perf_counter_ns()
    rules = spec["rules"]
    transfer_in = more_samples(first_in, lambda: read_inputs(request, dtype),
                               transfer_spec(spec, rules["transferInShare"]), start, spec["budgetNanos"])
    transfer_out = more_samples(first_out, write_out, transfer_spec(spec, rules["transferOutShare"]), start,
                                spec["budgetNanos"])
    sampling += time.perf_counter_ns() - extra
    del output
    # As WorkerReply.setupNanos: the request's cost besides sampling, for the engine's forecast.
    setup = time.perf_counter_ns() - start - sampling
    return {"id": rid, "status": "ok", "sampleNanos": samples, "callsPerSample": calls, "setupNanos": setup,
            "transferInNanos": transfer_in, "transferOutNanos": transfer_out, "warmupCalls": warmup_calls}


def handle(request):
    cmd = request.get("cmd")
    if np is None:
        return {"id": request.get("id"), "status": "failed", "message": IMPORT_ERROR}
    if cmd == "hello":
        # NumPy's ufuncs and reductions run on one thread; only its BLAS calls use more.
        return {"status": "ok", "library": "numpy", "version": np.__version__, "device": "cpu", "threads": 1,
                "runtime": "%s %s" % (platform.python_implementation(), platform.python_version())}
    if cmd in ("run", "time"):
        try:
            with np.errstate(all="ignore"):
                return run(request) if cmd == "run" else time_request(request)
        except Exception as e:
            traceback.print_exc(file=sys.stderr)
            return {"id": request.get("id"), "status": "failed", "message": "%s: %s" % (type(e).__name__, e)}
    return {"id": request.get("id"), "status": "failed", "message": "unknown command '%s'" % cmd}


def watch_parent(interval=0.5):
    """A worker must never outlive the build, as WorkerServer.watchParent: when the engine is killed
    the worker's stdin closes, but a worker busy in a long NumPy call reads no stdin, so a thread ends
    the process as soon as the process that started it is gone (the parent pid changes when the
    orphan is adopted). NumPy's ufunc loops release the GIL, so the thread runs even then."""
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                sys.stderr.write("opcompare worker: the process that started it (pid %d) is gone; exiting\n" % parent)
                sys.stderr.flush()
                os._exit(4)

    threading.Thread(target=watch, name="opcompare-parent-watchdog", daemon=True).start()


def main():
    watch_parent()
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
