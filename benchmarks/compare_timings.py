#!/usr/bin/env python3
"""Prints JMH's per-call median beside the plugin's for each backend and size, and whether they agree.

Usage: compare_timings.py JMH_JSON RESULTS_JSON [--tolerance 0.15]

JMH_JSON is what `org.openjdk.jmh.Main ExpBenchmark -rf json -rff FILE` writes; RESULTS_JSON is
the plugin's target/opcompare/results.json. Exits 1 when a pair differs by more than the
tolerance or is missing from either file, so a script can act on it. Standard library only.
"""
import argparse
import json
import sys

OP, DTYPE = "exp", "float32"

# JMH writes the score in the benchmark's @OutputTimeUnit; normalised to microseconds here.
TO_MICROS = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}


def jmh_medians(path):
    """{(backend, size): (p50 µs, mean µs)} of the ExpBenchmark entries, in JMH's order."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for entry in json.load(f):
            if not entry["benchmark"].endswith(".ExpBenchmark.exp"):
                continue
            params = entry.get("params", {})
            metric = entry["primaryMetric"]
            scale = TO_MICROS[metric["scoreUnit"]]
            p50 = metric["scorePercentiles"]["50.0"] * scale
            out[(params["backend"], int(params["size"]))] = (p50, metric["score"] * scale)
    return out


def plugin_medians(path):
    """{(backend, size): median µs} of the exp/float32 case's timings."""
    out = {}
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    for case in results.get("cases", []):
        if case.get("op") != OP or case.get("dtype") != DTYPE:
            continue
        for result in case.get("results", []):
            for timing in result.get("timing") or []:
                out[(result["backend"], int(timing["size"]))] = timing["medianNanos"] / 1e3
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jmh_json")
    parser.add_argument("results_json")
    parser.add_argument("--tolerance", type=float, default=0.15)
    args = parser.parse_args(argv)

    jmh = jmh_medians(args.jmh_json)
    plugin = plugin_medians(args.results_json)
    # JMH's pairs, in its order, are the ones to check; other sizes the plugin timed are not compared.
    keys = list(jmh)
    if not keys:
        print("no ExpBenchmark results in " + args.jmh_json, file=sys.stderr)
        return 1

    header = ("backend", "size", "JMH p50 µs", "JMH mean µs", "plugin median µs", "plugin/JMH",
              "within ±%g%%" % (args.tolerance * 100))
    rows = []
    all_agree = True
    for backend, size in keys:
        j = jmh[(backend, size)]
        p = plugin.get((backend, size))
        if p is None:
            all_agree = False
            rows.append((backend, str(size), fmt(j[0]), fmt(j[1]), "-", "-", "missing from the plugin"))
            continue
        ratio = p / j[0]
        agree = abs(ratio - 1) <= args.tolerance
        all_agree &= agree
        rows.append((backend, str(size), fmt(j[0]), fmt(j[1]), fmt(p), "%.3f" % ratio, "yes" if agree else "NO"))

    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    return 0 if all_agree else 1


def fmt(micros):
    return "%.3f" % micros


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
