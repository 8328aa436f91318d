#!/usr/bin/env bash
# Cross-checks the plugin's timing against JMH: runs the JMH benchmark, then the plugin on the same
# case, one after the other on this machine, in alternating rounds, and prints both per-call medians
# side by side.
#
#   benchmarks/compare-with-plugin.sh [--no-build] [--rounds N] [JMH options, e.g. -wi 2]
#
# --no-build  reuse what the last run (or `mvn install -DskipTests`) built and installed
# --rounds N  N rounds of JMH (one fork each, unless the options give -f) then the plugin (default 3):
#             each round's ratio compares measurements of the same minutes, and the verdict is on
#             the median of the rounds' ratios (see compare_timings.py)
# MVN_FLAGS   extra Maven flags for both Maven calls, e.g. MVN_FLAGS=-o
#
# Exits 1 when a backend and size differ by more than 15% (see compare_timings.py).
set -euo pipefail

cd "$(dirname "$0")/.."
out=benchmarks/target/compare
build=1
rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --rounds)
      [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds takes a positive whole number, got '${2:-}'" >&2; exit 2; }
      rounds=$2; shift 2 ;;
    *) break ;;
  esac
done
read -r -a mvn_flags <<< "${MVN_FLAGS:-}"

# The plugin run uses the version this checkout builds, not whatever an older install left.
version=$(python3 -c 'import sys, xml.etree.ElementTree as E
print(E.parse("pom.xml").getroot().find("{http://maven.apache.org/POM/4.0.0}version").text)')

if [[ $build == 1 ]]; then
  echo "== building and installing the plugin, backends and benchmarks ($version)"
  # The whole reactor: the plugin run below resolves the plugin and its workers from the local repository.
  mvn -B -q "${mvn_flags[@]}" install -DskipTests
fi
if [[ ! -f benchmarks/target/classpath.txt ]]; then
  echo "benchmarks/target/classpath.txt is missing: run without --no-build" >&2
  exit 2
fi
mkdir -p "$out"

# The environment the plugin gives its tensorflow-cpu worker (BackendCatalog); JMH's forks inherit it.
export CUDA_VISIBLE_DEVICES=
export TF_CPP_MIN_LOG_LEVEL=1

# One JMH fork per round unless the options name their own count.
forks=(-f 1)
for arg in "$@"; do
  if [[ "$arg" == -f || "$arg" =~ ^-f[0-9]+$ ]]; then
    forks=()
  fi
done
rm -f "$out"/jmh-*.json "$out"/plugin-*.json
pairs=()
for ((round = 1; round <= rounds; round++)); do
  echo "== round $round of $rounds: JMH (log: $out/jmh-$round.log)"
  start=$SECONDS
  java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
    ExpBenchmark "${forks[@]}" -rf json -rff "$out/jmh-$round.json" "$@" > "$out/jmh-$round.log" 2>&1 \
    || { tail -40 "$out/jmh-$round.log" >&2; exit 2; }
  grep '^opcompare benchmark:' "$out/jmh-$round.log" | sort -u
  echo "JMH took $((SECONDS - start)) s"

  echo "== round $round of $rounds: the plugin's compare goal (log: $out/plugin-$round.log)"
  start=$SECONDS
  rm -rf benchmarks/plugin-run/target
  mvn -B "${mvn_flags[@]}" -f benchmarks/plugin-run/pom.xml -Dopcompare.plugin.version="$version" verify \
    > "$out/plugin-$round.log" 2>&1 \
    || { tail -40 "$out/plugin-$round.log" >&2; exit 2; }
  cp benchmarks/plugin-run/target/opcompare/results.json "$out/plugin-$round.json"
  echo "the plugin took $((SECONDS - start)) s"
  pairs+=("$out/jmh-$round.json" "$out/plugin-$round.json")
done

echo "== medians per call (JMH: SampleTime p50; plugin: median of its samples)"
python3 benchmarks/compare_timings.py "${pairs[@]}"
