#!/usr/bin/env python3
"""What the variables panel costs: bench/programs/*.py traced with statements, and
traced with statements and their variables (the window's runs), beside CPython.

Usage: python3 bench/run_variables_bench.py [PATH_TO_IPCLAB] [--runs N]

For every program it runs, in turn and N times each (default 3), `python3 PROGRAM`,
`IPCLAB run --trace-statements PROGRAM` and `IPCLAB run --trace-variables PROGRAM`,
keeps each one's best wall-clock time, checks that the outputs match, and prints the
variables/statements ratio (the goal: at most 2x) and both against CPython.

This is a measurement, not a test: it always exits 0 (unless the arguments are unusable).
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_language_bench import PROGRAMS_DIR, best_of, fmt_time  # noqa: E402

# The bench programs run millions of statements: more trace events than `ipclab run` allows by default.
EVENTS = "100000000"


def main(argv):
    ipclab = "./build/app/ipclab"
    runs = 3
    args = list(argv[1:])
    while args:
        a = args.pop(0)
        if a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        if a == "--runs" and args:
            runs = max(1, int(args.pop(0)))
            continue
        ipclab = a
    if not os.path.exists(ipclab):
        print("ipclab binary not found at %r" % ipclab, file=sys.stderr)
        return 2
    python = sys.executable or "python3"
    header = "%-20s %9s %11s %11s %10s %10s  %s" % ("program", "cpython s", "statements", "variables", "vars/stmts", "vars/cpy", "output")
    print(header)
    print("-" * len(header))
    ratios = []
    for name in sorted(f for f in os.listdir(PROGRAMS_DIR) if f.endswith(".py")):
        path = os.path.join(PROGRAMS_DIR, name)
        py_t, py_out, _, _ = best_of([python, path], runs)
        st_t, st_out, _, st_rc = best_of([ipclab, "run", "--max-events", EVENTS, "--trace-statements", path], runs)
        va_t, va_out, _, va_rc = best_of([ipclab, "run", "--max-events", EVENTS, "--trace-variables", path], runs)
        if st_t is None or va_t is None:
            status = "ipclab failed (rc=%s/%s)" % (st_rc, va_rc)
        elif not (py_out == st_out == va_out):
            status = "MISMATCH"
        else:
            status = "ok"
        ratio = va_t / st_t if st_t and va_t else None
        if ratio:
            ratios.append(ratio)
        print("%-20s %9s %11s %11s %10s %10s  %s" % (name, fmt_time(py_t), fmt_time(st_t), fmt_time(va_t),
                                                  "n/a" if ratio is None else "%.2fx" % ratio,
                                                  "n/a" if not (va_t and py_t) else "%.1fx" % (va_t / py_t), status))
    print("-" * len(header))
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("variables/statements: geometric mean %.2fx, max %.2fx, within 2x: %d of %d"
              % (geo, max(ratios), sum(1 for r in ratios if r <= 2.0), len(ratios)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
