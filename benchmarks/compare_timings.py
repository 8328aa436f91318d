#!/usr/bin/env python3
"""Prints JMH's per-call median beside the plugin's for each backend and size, and whether they agree.

Usage: compare_timings.py JMH_JSON RESULTS_JSON [JMH_JSON RESULTS_JSON ...] [--tolerance 0.15]

JMH_JSON is what `org.openjdk.jmh.Main ExpBenchmark -rf json -rff FILE` writes; RESULTS_JSON is
the plugin's target/opcompare/results.json. Several pairs are rounds run alternately on one machine
(compare-with-plugin.sh --rounds): each round's plugin/JMH ratio compares two measurements of the
same minutes, and the verdict is on the median of those ratios, so that the machine's drift between
rounds (a shared or virtual machine's cores are slower in some minutes than in others) does not
decide it. Exits 1 when a backend and size differ by more than the tolerance or is missing from
either file, so a script can act on it. Standard library only.
"""
import argparse
import json
import statistics
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
    parser.add_argument("files", nargs="+", metavar="JMH_JSON RESULTS_JSON",
                        help="one or more pairs: a round's JMH results, then the plugin's")
    parser.add_argument("--tolerance", type=float, default=0.15)
    args = parser.parse_args(argv)
    if len(args.files) % 2:
        parser.error("files come in pairs, a JMH_JSON then a RESULTS_JSON: got %d" % len(args.files))
    rounds = [(jmh_medians(args.files[i]), plugin_medians(args.files[i + 1])) for i in range(0, len(args.files), 2)]

    # The first round's JMH pairs, in its order, are the ones to check; other sizes the plugin timed are not compared.
    keys = list(rounds[0][0])
    if not keys:
        print("no ExpBenchmark results in " + args.files[0], file=sys.stderr)
        return 1

    header = ("backend", "size", "JMH p50 µs", "JMH mean µs", "plugin median µs", "plugin/JMH",
              "within ±%g%%" % (args.tolerance * 100))
    if len(rounds) > 1:
        header += ("each round's plugin/JMH",)
    rows = []
    all_agree = True
    for backend, size in keys:
        pairs = [(j.get((backend, size)), p.get((backend, size))) for j, p in rounds]
        missing = [i + 1 for i, (j, p) in enumerate(pairs) if j is None or p is None]
        if missing:
            all_agree = False
            rows.append((backend, str(size), "-", "-", "-", "-", "missing in round " + ", ".join(map(str, missing)))
                        + (("",) if len(rounds) > 1 else ()))
            continue
        ratios = [p / j[0] for j, p in pairs]
        # With one round these are that round's figures; with several, the medians over the rounds.
        jmh_p50 = statistics.median(j[0] for j, _ in pairs)
        jmh_mean = statistics.median(j[1] for j, _ in pairs)
        plugin = statistics.median(p for _, p in pairs)
        ratio = statistics.median(ratios)
        agree = abs(ratio - 1) <= args.tolerance
        all_agree &= agree
        row = (backend, str(size), fmt(jmh_p50), fmt(jmh_mean), fmt(plugin), "%.3f" % ratio, "yes" if agree else "NO")
        if len(rounds) > 1:
            row += (" ".join("%.3f" % r for r in ratios),)
        rows.append(row)

    if len(rounds) > 1:
        print("%d rounds; figures are medians over the rounds, the verdict is on the median of the rounds' ratios"
              % len(rounds))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    return 0 if all_agree else 1


def fmt(micros):
    return "%.3f" % micros


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
