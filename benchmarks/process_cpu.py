#!/usr/bin/env python3
"""Runs a command and samples, every second, the CPU time (user and system, from /proc/<pid>/stat) and
the resident memory of it and every process it starts, grouped by role: the engine (Maven's JVM) and
each worker by its main class. Prints a JSON line per second and, at the end, the CPU-seconds of each
role over the window given by the sweep's progress lines (or the whole run), per input when known.

    benchmarks/process_cpu.py LOG -- mvn -B -o -f benchmarks/exhaustive-sweep/pom.xml verify "-Dsweep.inputs=exhaustive(1,256)"

LOG receives the command's output, each line stamped with the seconds since the start. Linux only.
Used for the fourth round of the exhaustive sweep in benchmarks/README.md.
"""
import json
import os
import re
import subprocess
import sys
import threading
import time

TICKS = os.sysconf('SC_CLK_TCK')


def descendants(root):
    found, i = [root], 0
    while i < len(found):
        pid = found[i]
        i += 1
        try:
            for task in os.listdir(f'/proc/{pid}/task'):
                try:
                    found += [int(c) for c in open(f'/proc/{pid}/task/{task}/children').read().split()]
                except OSError:
                    pass
        except OSError:
            pass
    return found


def role(pid):
    try:
        words = open(f'/proc/{pid}/cmdline').read().split('\0')
    except OSError:
        return None
    for w in words:
        if 'Worker' in w and '.' in w and not w.startswith('-'):
            return w.rsplit('.', 1)[-1]
    if any('classworlds' in w for w in words):
        return 'engine'
    return None


def cpu_ticks(pid):
    """(user + system, system) in clock ticks, or None once the process is gone."""
    try:
        fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12]), int(fields[12])
    except OSError:
        return None


def rss_mib(pid):
    try:
        for line in open(f'/proc/{pid}/status'):
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def main():
    if len(sys.argv) < 4 or sys.argv[2] != '--':
        sys.exit(__doc__)
    log = open(sys.argv[1], 'w')
    start = time.monotonic()
    child = subprocess.Popen(sys.argv[3:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def pump():
        for line in child.stdout:
            log.write('%8.2f %s' % (time.monotonic() - start, line))
            log.flush()
    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    roles, last, rows = {}, {}, []
    while child.poll() is None:
        time.sleep(1.0)
        row = {'t': round(time.monotonic() - start, 1)}
        for pid in descendants(child.pid):
            name = roles.get(pid) or role(pid)
            if name is None:
                continue
            roles[pid] = name
            ticks = cpu_ticks(pid)
            if ticks is None:
                continue
            total, system = ticks
            before = last.get(pid, (0, 0))
            row[name] = row.get(name, 0) + total - before[0]
            row[name + '.sys'] = row.get(name + '.sys', 0) + system - before[1]
            row[name + '.rssMiB'] = max(row.get(name + '.rssMiB', 0), rss_mib(pid))
            last[pid] = ticks
        row['load'] = float(open('/proc/loadavg').read().split()[0])
        rows.append(row)
        print(json.dumps(row), flush=True)
    reader.join(5)
    log.close()
    # The sweep's own seconds: from its last progress line back by the time it reports.
    text = open(sys.argv[1]).read()
    done = re.findall(r'^\s*([\d.]+) .*100% \((\d+) of \d+ inputs, [\d.]+ M/s\), ([\d.]+) s', text, re.M)
    lo, hi, inputs = 0.0, float('inf'), None
    if done:
        end, inputs, seconds = float(done[-1][0]), int(done[-1][1]), float(done[-1][2])
        lo, hi = end - seconds + 0.5, end + 0.5
    window = [r for r in rows if lo <= r['t'] <= hi]
    names = sorted({k for r in rows for k in r if k not in ('t', 'load') and not k.endswith('.rssMiB')})
    summary = {}
    for name in names:
        seconds = sum(r.get(name, 0) for r in window) / TICKS
        summary[name] = {'cpuSeconds': round(seconds, 2)}
        if inputs:
            summary[name]['nsPerInput'] = round(seconds / inputs * 1e9, 1)
    for name in {k[:-len('.rssMiB')] for r in rows for k in r if k.endswith('.rssMiB')}:
        summary.setdefault(name, {})['peakRssMiB'] = max(r.get(name + '.rssMiB', 0) for r in rows)
    print('summary' + (' over the sweep, %d inputs' % inputs if inputs else ' over the whole run') + ': '
          + json.dumps(summary, sort_keys=True))
    sys.exit(child.returncode)


if __name__ == '__main__':
    main()
