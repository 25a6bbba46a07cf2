#!/usr/bin/env python3
"""Sandbox benchmarks: what the bounded, sandboxed run costs, against CPython.

Usage: python3 bench/run_sandbox_bench.py [BUILD_DIR] [--runs N]

Measured in one run, best of N (default 3):
  - 400 sleeping threads: the peak resident memory of the largest process
    (IPC Lab: its main worker; CPython: python3), and the ratio
    (goal: <= 1, CPython's small resident stacks);
  - one 100 MB Pipe message from a child to its parent: seconds from start()
    to the end of recv(), IPC Lab (sandboxed, traced, as `ipclab run` always
    runs) against CPython, and against a raw pipe of the same bytes
    (`head -c | cat`, the kernel's own copy).
A measurement, not a test: it always exits 0 unless it cannot run at all.
"""

import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args():
    build = os.path.join(os.path.dirname(HERE), "build")
    runs = 3
    args = sys.argv[1:]
    while args:
        a = args.pop(0)
        if a == "--runs" and args:
            runs = int(args.pop(0))
        else:
            build = a
    return build, runs


def peak_rss_mb(cmd):
    # ru_maxrss of RUSAGE_CHILDREN is the largest of every descendant reaped so far;
    # a fresh python3 -c per measurement keeps earlier runs out of it.
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "assert r.returncode == 0, r\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe] + cmd, stdout=subprocess.PIPE, check=True, timeout=600)
    return float(out.stdout.decode().strip())


def seconds_of(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True, timeout=600)
    for line in out.stdout.decode().splitlines():
        if line.startswith("seconds "):
            return float(line.split()[1])
    raise RuntimeError(f"{cmd} printed no seconds")


def raw_pipe_seconds(size):
    started = time.monotonic()
    subprocess.run(["sh", "-c", f"head -c {size} /dev/zero | cat > /dev/null"], check=True)
    return time.monotonic() - started


def main():
    build, runs = parse_args()
    ipclab = os.path.join(build, "app", "ipclab")
    threads = os.path.join(HERE, "sandbox", "sleeping_threads.py")
    message = os.path.join(HERE, "sandbox", "big_message.py")
    lab_rss = min(peak_rss_mb([ipclab, "run", threads]) for _ in range(runs))
    py_rss = min(peak_rss_mb([sys.executable, threads]) for _ in range(runs))
    print(f"400 sleeping threads, peak RSS: IPC Lab {lab_rss:.1f} MB, CPython {py_rss:.1f} MB, ratio {lab_rss / py_rss:.2f} (goal <= 1)")
    lab_s = min(seconds_of([ipclab, "run", message]) for _ in range(runs))
    py_s = min(seconds_of([sys.executable, message]) for _ in range(runs))
    raw_s = min(raw_pipe_seconds(100_000_000) for _ in range(runs))
    print(f"100 MB Pipe message: IPC Lab {lab_s:.3f} s, CPython {py_s:.3f} s, raw pipe {raw_s:.3f} s; "
          f"IPC Lab / CPython {lab_s / py_s:.2f}, IPC Lab / raw {lab_s / raw_s:.1f}")


if __name__ == "__main__":
    main()
