#!/usr/bin/env python3
"""What class-data archives (classArchiveCache) give the Java workers' start, measured two ways.

    benchmarks/worker_start.py [--rounds N] [--starts N] [--skip-goal] [--skip-workers]

Run it from a clone after `mvn -B install -DskipTests` (the example resolves the plugin and its
workers from the local repository; MVN_FLAGS passes Maven flags, e.g. "-o -Dmaven.repo.local=...").

1. The compare goal on a copy of example/ (timing and JIT warm-up off, so that what follows the
   workers' start is short): one run to warm the reference cache and to learn the workers' commands,
   then per round three runs back to back: without archives (classArchiveCache=none), with an empty
   archive folder (the first run, which writes the archives when its workers exit) and with the
   archives in place. Each gives the seconds from the goal's line to the last "ready" line, to the
   first case's line and to the end of the goal ("results in", after the workers have exited), and
   the CPU time of the whole build (Maven and every worker: user + sys of all waited-for children);
   the three runs' results.json must be the same by same_accuracy.py.
2. Each Java worker alone, started from the command and environment the goal gave it, answering
   hello and exit (`printf '{"cmd":"hello"}\\n{"cmd":"exit"}\\n' | java ...`): CPU time and wall time
   without and with its archive, and the wall time of the start that writes the archive.

Wall times on a shared machine are noisy: compare the runs of one round, and the CPU times.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "benchmarks", "target", "worker-start")
HELLO_EXIT = b'{"cmd":"hello"}\n{"cmd":"exit"}\n'
CDS_LOG = ["-Xlog:disable", "-Xlog:all=warning:stderr"]


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def first_at(lines, pattern, last=False):
    hits = [t for t, line in lines if re.search(pattern, line)]
    return (hits[-1] if last else hits[0]) if hits else None


class WorkerSpy(threading.Thread):
    """Records the command line and environment of every worker the goal starts (marked by its log folder)."""

    def __init__(self, marker):
        super().__init__(daemon=True)
        self.marker = marker.encode()
        self.seen = {}
        self.stop = False

    def run(self):
        while not self.stop:
            for pid in os.listdir("/proc"):
                if not pid.isdigit() or pid in self.seen:
                    continue
                try:
                    with open("/proc/%s/environ" % pid, "rb") as f:
                        environ = f.read()
                    if self.marker not in environ:
                        continue
                    with open("/proc/%s/cmdline" % pid, "rb") as f:
                        cmdline = f.read()
                except OSError:
                    continue
                env = dict(e.split(b"=", 1) for e in environ.split(b"\0") if b"=" in e)
                self.seen[pid] = ([a.decode() for a in cmdline.split(b"\0") if a],
                                  {k.decode(): v.decode() for k, v in env.items()})
            time.sleep(0.05)


def goal(example, cache, log, mvn_flags, spy=None):
    cmd = ["mvn", "-B", *mvn_flags, "-f", os.path.join(example, "pom.xml"), "verify", "-Dopcompare.timeBudget=0",
           "-Dopcompare.jitWarmup=0", "-Dopcompare.classArchiveCache=" + cache]
    if spy:
        spy.start()
    cpu0 = children_cpu()
    start = time.monotonic()
    lines = []
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as p:
        for line in p.stdout:
            lines.append((time.monotonic() - start, line))
    cpu = children_cpu() - cpu0
    if spy:
        spy.stop = True
    with open(log, "w") as f:
        f.writelines("%8.2f %s" % (t, line) for t, line in lines)
    if p.returncode != 0:
        sys.exit("the goal failed; see " + log)
    g = first_at(lines, r"opcompare-maven-plugin:[^ ]*:compare")
    return {"ready": first_at(lines, r"opcompare: \S+ ready", last=True) - g, "first": first_at(lines, r"\[ *1/\d+\]") - g,
            "done": first_at(lines, r"opcompare: results in") - g, "cpu": cpu,
            "ready_lines": len([1 for _, l in lines if re.search(r"opcompare: \S+ ready", l)])}


def start_worker(argv, env):
    """CPU and wall seconds of one start to hello and exit."""
    cpu0 = children_cpu()
    start = time.monotonic()
    r = subprocess.run(argv, input=HELLO_EXIT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    if r.returncode != 0 or b'"status":"ok"' not in r.stdout:
        sys.exit("worker failed: %s\n%s\n%s" % (" ".join(argv)[:300], r.stdout.decode()[-500:], r.stderr.decode()[-2000:]))
    return children_cpu() - cpu0, wall


def workers_alone(seen, starts):
    # One per distinct command; the single-thread twin (same command, thread variables) is left out.
    by_command = {}
    for argv, env in seen.values():
        if not os.path.basename(argv[0]).startswith("java"):
            continue
        twin = env.get("OMP_NUM_THREADS") == "1" and env.get("TF_NUM_INTRAOP_THREADS") == "1"
        key = tuple(argv)
        if key not in by_command or not twin:
            by_command[key] = (argv, env)
    rows = []
    scratch = tempfile.mkdtemp(prefix="worker-start-")
    try:
        for i, (argv, env) in enumerate(by_command.values()):
            main = argv[argv.index("-cp") + 2]
            options = " ".join(a for a in argv[1:argv.index("-cp")] if not a.startswith("-Xmx"))
            label = main.rsplit(".", 1)[-1] + (" " + options[:60] if options else "")
            archive = os.path.join(scratch, "w%d.jsa" % i)
            plain = [start_worker(argv, env) for _ in range(starts)]
            dump = start_worker([argv[0], *CDS_LOG, "-XX:ArchiveClassesAtExit=" + archive, *argv[1:]], env)
            shared = [start_worker([argv[0], *CDS_LOG, "-XX:SharedArchiveFile=" + archive, *argv[1:]], env) for _ in range(starts)]
            rows.append((label, plain, dump, shared))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--skip-goal", action="store_true")
    parser.add_argument("--skip-workers", action="store_true")
    args = parser.parse_args()
    mvn_flags = os.environ.get("MVN_FLAGS", "").split()
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    example = os.path.join(OUT, "example")
    shutil.copytree(os.path.join(ROOT, "example"), example, ignore=shutil.ignore_patterns("target"))
    print("worker start, %s UTC, %d cores, load average %s" % (time.strftime("%Y-%m-%d %H:%M", time.gmtime()), os.cpu_count(),
                                                               open("/proc/loadavg").read().split()[:3]))
    spy = WorkerSpy(os.path.join(example, "target", "opcompare", "logs"))
    goal(example, "none", os.path.join(OUT, "goal-warmup.log"), mvn_flags, spy)
    if not args.skip_goal:
        print("\ncompare goal on the example, timing off (seconds after the goal's line; CPU: the whole build)")
        print("| round | archives | last worker ready | first case line | results written | build CPU |")
        print("|---|---|---|---|---|---|")
        for r in range(1, args.rounds + 1):
            cache = os.path.join(OUT, "archives-%d" % r)
            for name, folder in (("none", "none"), ("first run (writes them)", cache), ("in place", cache)):
                m = goal(example, folder, os.path.join(OUT, "goal-%d-%s.log" % (r, name.split()[0])), mvn_flags)
                shutil.copy(os.path.join(example, "target", "opcompare", "results.json"),
                            os.path.join(OUT, "results-%d-%s.json" % (r, name.split()[0])))
                print("| %d | %s | %.1f s | %.1f s | %.1f s | %.1f s |" % (r, name, m["ready"], m["first"], m["done"], m["cpu"]),
                      flush=True)
            print("|   | (archives written in round %d: %d) | | | | |" % (r, len([f for f in os.listdir(cache) if f.endswith(".jsa")])))
            # Archives change how classes are loaded, nothing else: the results must be the same bit for bit.
            for other in ("first", "in"):
                same = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "same_accuracy.py"),
                                       os.path.join(OUT, "results-%d-none.json" % r), os.path.join(OUT, "results-%d-%s.json" % (r, other))],
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                if same.returncode != 0:
                    sys.exit("round %d: the results without archives and %s differ:\n%s" % (r, other, same.stdout[-3000:]))
    if not args.skip_workers:
        print("\neach Java worker alone to hello and exit, %d starts each (median; CPU = user + sys)" % args.starts)
        print("| worker | CPU without | CPU with archive | wall without | wall with archive | wall of the start that writes it |")
        print("|---|---|---|---|---|---|")
        for label, plain, dump, shared in workers_alone(spy.seen, args.starts):
            med = lambda xs, k: statistics.median(x[k] for x in xs)
            print("| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s |" % (label, med(plain, 0), med(shared, 0), med(plain, 1),
                                                                          med(shared, 1), dump[1]), flush=True)
    print("\nload average at the end %s" % open("/proc/loadavg").read().split()[:3])


if __name__ == "__main__":
    main()
