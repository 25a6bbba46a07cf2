#!/usr/bin/env python3
"""Compare the IPC Lab interpreter against CPython on bench/programs/*.py.

Usage: python3 bench/run_language_bench.py [PATH_TO_IPCLAB] [--runs N]

For every program it runs `python3 PROGRAM` and `IPCLAB run PROGRAM`, keeps the
best wall-clock time of N runs (default 3), checks that stdout matches and prints
a table with the ipclab/cpython ratio, the geometric mean and the max ratio.
It also times a trivial `pass` program to show the startup cost of each.

This is a measurement, not a test: it always exits 0 (unless the arguments
are unusable).
"""

import math
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS_DIR = os.path.join(HERE, "programs")
TIMEOUT = 300


def run_once(cmd):
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return TIMEOUT, None, "timeout", -1
    except OSError as exc:
        return 0.0, None, str(exc), -1
    elapsed = time.perf_counter() - start
    return elapsed, proc.stdout, proc.stderr.decode("utf-8", "replace"), proc.returncode


def best_of(cmd, runs):
    best = None
    out = None
    err = ""
    rc = 0
    for _ in range(runs):
        elapsed, out, err, rc = run_once(cmd)
        if out is None or rc != 0:
            return None, out, err, rc
        if best is None or elapsed < best:
            best = elapsed
    return best, out, err, rc


def fmt_time(t):
    return "   n/a" if t is None else "%6.3f" % t


def main(argv):
    ipclab = "./build/app/ipclab"
    runs = 3
    args = list(argv[1:])
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        if a == "--runs" and i + 1 < len(args):
            runs = max(1, int(args[i + 1]))
            i += 2
            continue
        ipclab = a
        i += 1

    if not os.path.exists(ipclab):
        print("warning: ipclab binary not found at %r" % ipclab, file=sys.stderr)
    python = sys.executable or "python3"

    programs = sorted(f for f in os.listdir(PROGRAMS_DIR) if f.endswith(".py"))
    if not programs:
        print("no programs in", PROGRAMS_DIR)
        return 0

    # Startup cost: a program containing only `pass`.
    fd, trivial = tempfile.mkstemp(suffix=".py", prefix="ipclab_bench_pass_")
    with os.fdopen(fd, "w") as fh:
        fh.write("pass\n")
    try:
        py_t, _, _, _ = best_of([python, trivial], max(runs, 5))
        ip_t, _, ip_err, ip_rc = best_of([ipclab, "run", trivial], max(runs, 5))
    finally:
        os.unlink(trivial)
    print("startup (pass program): cpython %s s, ipclab %s s" % (fmt_time(py_t), fmt_time(ip_t)))
    if ip_t is None:
        last = ip_err.strip().splitlines()
        print("  ipclab failed (rc=%s)%s" % (ip_rc, (": " + last[-1]) if last else ""))
    print()

    header = "%-22s %10s %10s %8s  %s" % ("program", "cpython s", "ipclab s", "ratio", "output")
    print(header)
    print("-" * len(header))
    ratios = []
    for name in programs:
        path = os.path.join(PROGRAMS_DIR, name)
        py_t, py_out, py_err, py_rc = best_of([python, path], runs)
        ip_t, ip_out, ip_err, ip_rc = best_of([ipclab, "run", path], runs)
        if py_t is None:
            status = "cpython failed (rc=%s)" % py_rc
        elif ip_t is None:
            last = ip_err.strip().splitlines()
            status = "ipclab failed (rc=%s)%s" % (ip_rc, (": " + last[-1]) if last else "")
        elif py_out != ip_out:
            status = "MISMATCH"
        else:
            status = "ok"
        ratio = None
        if py_t and ip_t is not None:
            ratio = ip_t / py_t
            ratios.append(ratio)
        print("%-22s %10s %10s %8s  %s" % (name, fmt_time(py_t), fmt_time(ip_t),
                                          "n/a" if ratio is None else "%.2fx" % ratio, status))
        if status == "MISMATCH":
            print("    cpython: %r" % py_out.decode("utf-8", "replace")[:200])
            print("    ipclab : %r" % ip_out.decode("utf-8", "replace")[:200])
    print("-" * len(header))
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric mean ratio: %.2fx   max ratio: %.2fx   (%d/%d programs timed)"
              % (geo, max(ratios), len(ratios), len(programs)))
    else:
        print("no ratios available")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
