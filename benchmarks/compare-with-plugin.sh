#!/usr/bin/env bash
# Cross-checks the plugin's timing against JMH: runs the JMH benchmark, then the plugin on the same
# case, one after the other on this machine, and prints both per-call medians side by side.
#
#   benchmarks/compare-with-plugin.sh [--no-build] [JMH options, e.g. -f 1]
#
# --no-build  reuse what the last run (or `mvn install -DskipTests`) built and installed
# MVN_FLAGS   extra Maven flags for both Maven calls, e.g. MVN_FLAGS=-o
#
# Exits 1 when a backend and size differ by more than 15% (see compare_timings.py).
set -euo pipefail

cd "$(dirname "$0")/.."
out=benchmarks/target/compare
build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi
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

echo "== 1/3 JMH (log: $out/jmh.log)"
start=$SECONDS
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
  ExpBenchmark -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.log" 2>&1 \
  || { tail -40 "$out/jmh.log" >&2; exit 2; }
grep '^opcompare benchmark:' "$out/jmh.log" | sort -u
echo "JMH took $((SECONDS - start)) s"

echo "== 2/3 the plugin's compare goal (log: $out/plugin.log)"
start=$SECONDS
rm -rf benchmarks/plugin-run/target
mvn -B "${mvn_flags[@]}" -f benchmarks/plugin-run/pom.xml -Dopcompare.plugin.version="$version" verify \
  > "$out/plugin.log" 2>&1 \
  || { tail -40 "$out/plugin.log" >&2; exit 2; }
echo "the plugin took $((SECONDS - start)) s"

echo "== 3/3 medians per call (JMH: SampleTime p50; plugin: median of its samples)"
python3 benchmarks/compare_timings.py "$out/jmh.json" benchmarks/plugin-run/target/opcompare/results.json
