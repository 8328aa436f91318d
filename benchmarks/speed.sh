#!/usr/bin/env bash
# Measures the four speed figures of issue 19 on this machine and prints each beside its target:
#
#   1. worker start: from the compare goal's start to the first case's line        target <= 5 s
#   2. the compare goal on the bundled example (zero configuration, five backends):
#      cold (no reference cache)                                                     target <= 30 s
#      warm (second run, nothing changed)                                            target <= 20 s
#      and the 95% intervals of its timing rows (every row has one; their widths)
#   3. the exact reference in values/s for exp, log, sin, tanh, sqrt on their
#      default domains, all cores (JMH ReferenceBenchmark)                 float32 >= 100 M/s, float64 >= 3 M/s
#   4. the exhaustive float32 sweep of exp on tensorflow-cpu and nd4j-cpu          target <= 5 min
#
#   benchmarks/speed.sh [--skip-compare] [--skip-reference] [--skip-sweep] [--sweep-inputs=EXPR]
#
# Run it from a clone after `mvn -B install -DskipTests` (the example and the sweep resolve the
# plugin from the local repository; the reference benchmark runs from benchmarks/target). About
# 8 minutes on a 2-core machine, most of it the sweep: --skip-sweep leaves it out, and
# --sweep-inputs='exhaustive(1,1024)' sweeps only the float32 values in [1, 1024] (83,886,081
# inputs, 2% of all; more than 50,000,000, so still streamed as a sweep) and scales the time up by
# the share of inputs swept: a rough figure, since inputs differ in cost (exp's overflowing and
# underflowing half is cheap), and printed as scaled. MVN_FLAGS passes extra Maven flags (e.g. -o).
# The full sweep's TensorFlow worker used to grow by about 6.5 bytes per input (11 GB at 40% of the
# sweep); it now stays flat (see benchmarks/README.md).
# Logs and results go to benchmarks/target/speed/. Exits 0 whether or not the targets are met: it
# measures; it does not judge a machine it cannot see.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/benchmarks/target/speed
compare=1 reference=1 sweep=1 sweep_inputs=exhaustive
for arg in "$@"; do
  case "$arg" in
    --skip-compare) compare=0 ;;
    --skip-reference) reference=0 ;;
    --skip-sweep) sweep=0 ;;
    --sweep-inputs=*) sweep_inputs=${arg#--sweep-inputs=} ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option $arg; valid: --skip-compare --skip-reference --skip-sweep --sweep-inputs=EXPR" >&2; exit 2 ;;
  esac
done
read -r -a mvn_flags <<< "${MVN_FLAGS:-}"
rm -rf "$out"
mkdir -p "$out"
summary=$out/summary.txt
: > "$summary"

# Prefixes every line of a command's output with the seconds since it started (to 0.01 s).
stamped() {
  local log=$1
  shift
  "$@" 2>&1 | python3 -u -c '
import sys, time
start = time.monotonic()
for line in sys.stdin:
    sys.stdout.write("%8.2f %s" % (time.monotonic() - start, line))
' > "$log"
}

# Seconds at the first line of a stamped log matching a pattern (empty when none).
at() {
  grep -m1 -E "$2" "$1" | awk '{print $1}' || true
}

row() {
  printf '%-58s %14s   %s\n' "$1" "$2" "$3" | tee -a "$summary"
}

echo "opcompare speed, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$summary"
row "figure" "measured" "target"
row "------" "--------" "------"

if [[ $compare == 1 ]]; then
  example=$out/example
  cp -r "$root/example" "$example"
  rm -rf "$example/target"
  for run in cold warm; do
    echo "== compare goal on the example, $run" >&2
    stamped "$out/compare-$run.log" mvn -B "${mvn_flags[@]}" -f "$example/pom.xml" verify
    goal=$(at "$out/compare-$run.log" 'opcompare-maven-plugin:[^ ]*:compare')
    first=$(at "$out/compare-$run.log" '\[ *1/[0-9]+\]')
    done_at=$(at "$out/compare-$run.log" 'opcompare: results in')
    if [[ -z "$goal" || -z "$first" || -z "$done_at" ]]; then
      echo "the $run run did not get through; see $out/compare-$run.log" >&2
      exit 1
    fi
    cp "$example/target/opcompare/results.json" "$out/results-$run.json"
    if [[ $run == cold ]]; then
      row "worker start: goal start to first case line (cold)" "$(python3 -c "print('%.1f s' % ($first - $goal))")" "<= 5 s"
      row "compare goal, default suite, cold" "$(python3 -c "print('%.1f s' % ($done_at - $goal))")" "<= 30 s"
    else
      row "worker start: goal start to first case line (warm)" "$(python3 -c "print('%.1f s' % ($first - $goal))")" "<= 5 s"
      row "compare goal, default suite, warm reference cache" "$(python3 -c "print('%.1f s' % ($done_at - $goal))")" "<= 20 s"
    fi
  done
  # Every timing row keeps its interval; how wide they are, relative to the median.
  python3 - "$out/results-warm.json" <<'EOF' | tee -a "$summary"
import json, sys, statistics
rows = [t for c in json.load(open(sys.argv[1]))["cases"] for r in c["results"] for t in (r.get("timing") or [])]
with_ci = [t for t in rows if t.get("ciLowNanos") is not None and t.get("ciHighNanos") is not None]
half = sorted((t["ciHighNanos"] - t["ciLowNanos"]) / 2 / t["medianNanos"] * 100 for t in with_ci)
print("%-58s %14s   %s" % ("timing rows with a 95% interval of the median", "%d of %d" % (len(with_ci), len(rows)), "all"))
if half:
    print("%-58s %14s   %s" % ("  their half-width relative to the median: median", "±%.1f%%" % statistics.median(half), "early stop at ±1%"))
    print("%-58s %14s" % ("  90th percentile", "±%.1f%%" % half[int(0.9 * (len(half) - 1))]))
EOF
  python3 benchmarks/same_accuracy.py "$out/results-cold.json" "$out/results-warm.json" > "$out/cold-vs-warm.txt" \
    && echo "cold and warm runs: $(tail -1 "$out/cold-vs-warm.txt")" | tee -a "$summary" \
    || { echo "cold and warm runs differ in accuracy; see $out/cold-vs-warm.txt" | tee -a "$summary"; }
fi

if [[ $reference == 1 ]]; then
  if [[ ! -f benchmarks/target/classpath.txt ]]; then
    echo "benchmarks/target/classpath.txt is missing: run mvn -B install -DskipTests first" >&2
    exit 2
  fi
  echo "== exact reference throughput (JMH ReferenceBenchmark, about 90 s)" >&2
  java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main ReferenceBenchmark \
    -p op=exp,log,sin,tanh,sqrt -p dtype=float32,float64 -wi 1 -w 2 -i 2 -r 3 -f 1 \
    -rf json -rff "$out/reference.json" > "$out/reference.log" 2>&1
  python3 - "$out/reference.json" <<'EOF' | tee -a "$summary"
import json, sys
for r in json.load(open(sys.argv[1])):
    p = r["params"]
    values = 1_000_000 if p["dtype"] == "float32" else 20_000
    rate = r["primaryMetric"]["score"] * values
    target = 100e6 if p["dtype"] == "float32" else 3e6
    print("%-58s %14s   %s" % ("reference %s %s, values/s" % (p["dtype"], p["op"]), "%.1f M" % (rate / 1e6),
                               ">= %d M" % (target / 1e6)))
EOF
fi

if [[ $sweep == 1 ]]; then
  echo "== exhaustive float32 sweep of exp on tensorflow-cpu and nd4j-cpu, inputs $sweep_inputs" >&2
  sweepdir=$out/exhaustive-sweep
  cp -r "$root/benchmarks/exhaustive-sweep" "$sweepdir"
  rm -rf "$sweepdir/target"
  stamped "$out/sweep.log" /usr/bin/time -f "peak resident memory of the largest process (engine or worker): %M KiB" \
    mvn -B "${mvn_flags[@]}" -f "$sweepdir/pom.xml" verify "-Dsweep.inputs=$sweep_inputs"
  python3 - "$out/sweep.log" "$sweep_inputs" <<'EOF' | tee -a "$summary"
import re, sys
log = open(sys.argv[1]).read()
done = re.findall(r"100% \((\d+) of (\d+) inputs, ([\d.]+) M/s\), ([\d.]+) s", log)
if not done:
    sys.exit("the sweep did not finish; see " + sys.argv[1])
swept, total, rate, seconds = int(done[-1][0]), int(done[-1][1]), float(done[-1][2]), float(done[-1][3])
goal = re.search(r"^\s*([\d.]+) .*opcompare-maven-plugin:[^ ]*:compare", log, re.M)
end = re.search(r"^\s*([\d.]+) .*opcompare: results in", log, re.M)
whole = float(end.group(1)) - float(goal.group(1))
scale = 2**32 / swept
label = "exhaustive float32 exp, 2 backends, all 2^32 inputs"
if swept >= 2**32:
    print("%-58s %14s   %s" % (label, "%.0f s" % whole, "<= 300 s"))
else:
    print("%-58s %14s   %s" % (label + " (scaled)", "%.0f s" % (seconds * scale + whole - seconds), "<= 300 s"))
    print("  (swept %s: %d inputs in %.1f s, scaled by 2^32 / %d = %.1f; start-up added once)" % (sys.argv[2], swept, seconds, swept, scale))
print("%-58s %14s" % ("  the sweep alone, inputs per second", "%.1f M/s" % rate))
rss = re.search(r"peak resident memory of the largest process \(engine or worker\): (\d+) KiB", log)
if rss:
    print("%-58s %14s   %s" % ("  peak memory of the largest process (engine or worker)", "%.0f MiB" % (int(rss.group(1)) / 1024), "constant"))
EOF
fi

echo
echo "summary: $summary"
