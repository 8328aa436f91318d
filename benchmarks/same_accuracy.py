#!/usr/bin/env python3
"""Checks that two results.json files hold the same accuracy results, bit for bit.

    python3 benchmarks/same_accuracy.py before/results.json after/results.json

Per case (op/dtype) and backend it compares the status, the whole accuracy record (max and mean ulp,
correctly rounded share, worst inputs, histogram, binades), the reproducibility verdict, and per case
the agreement between backends, the side-by-side values and the special values. Timing, environment
and backend versions are left out: they differ from run to run by nature. Exits 1 on any difference,
printing each.
"""
import json
import sys

TIMING_KEYS = {"firstCallNanos", "timing", "fit", "threads", "timingNotes", "timeBudgetNanos", "timingNanos"}


def by_case(path):
    with open(path) as f:
        results = json.load(f)
    return {c["op"] + "/" + c["dtype"] + "/" + ",".join(c["inputs"]): c for c in results["cases"]}


def main(before_path, after_path):
    before, after = by_case(before_path), by_case(after_path)
    differences = []
    for label in sorted(set(before) | set(after)):
        a, b = before.get(label), after.get(label)
        if a is None or b is None:
            differences.append(f"{label}: only in {'after' if a is None else 'before'}")
            continue
        for key in ("size", "seed", "agreement", "values", "specials"):
            if a.get(key) != b.get(key):
                differences.append(f"{label}: {key} differs")
        ra = {r["backend"]: r for r in a["results"]}
        rb = {r["backend"]: r for r in b["results"]}
        for backend in sorted(set(ra) | set(rb)):
            x, y = ra.get(backend), rb.get(backend)
            if x is None or y is None:
                differences.append(f"{label} {backend}: only in {'after' if x is None else 'before'}")
                continue
            for key in sorted((set(x) | set(y)) - TIMING_KEYS - {"backend"}):
                if x.get(key) != y.get(key):
                    differences.append(f"{label} {backend}: {key} differs: {str(x.get(key))[:120]} | {str(y.get(key))[:120]}")
    for d in differences:
        print(d)
    compared = sum(len(c["results"]) for c in before.values())
    print(f"{len(before)} cases, {compared} case x backend results compared: "
          + ("identical accuracy, agreement, values and specials" if not differences else f"{len(differences)} differences"))
    return 1 if differences else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
