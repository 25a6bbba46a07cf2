#!/usr/bin/env python3
"""IPC benchmarks: IPC Lab against CPython's multiprocessing and raw syscalls.

Usage: python3 bench/run_ipc_bench.py [BUILD_DIR] [--runs N]

Measured in one run, best of N (default 3):
  - Connection round trip (32-byte send_bytes/recv_bytes between two processes):
    raw socketpair read/write (C++), IPC Lab with tracing off, IPC Lab with
    tracing on (as `ipclab run` always runs), CPython.
  - Queue throughput (small ints from a producer process to the main process):
    IPC Lab tracing off, tracing on, CPython.
Prints each figure and the ratios the goals are stated in:
  round trip / raw pipe (goal <= 1.5), Queue throughput / CPython (goal >= 1),
  tracing on / tracing off (goal <= 1.5).
A measurement, not a test: it always exits 0 unless it cannot run at all.
"""

import os
import subprocess
import sys

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


def figure(cmd, key, env=None, stdin=None):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, stdin=stdin, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {out.stderr.decode()}")
    for line in out.stdout.decode().splitlines():
        if line.startswith(key + " "):
            return float(line.split()[1])
    raise RuntimeError(f"{' '.join(cmd)} printed no {key}")


def best(fn, runs, larger_is_better):
    values = [fn() for _ in range(runs)]
    return max(values) if larger_is_better else min(values)


def worker_cmd(build, program, arg):
    # The worker alone, without an orchestrator: no trace channel, tracing off.
    return [os.path.join(build, "app", "ipclab-worker"), "--source-fd", "3", "--name", program, "--", arg]


def run_untraced(build, program, arg, key, prefix=()):
    with open(program, "rb") as source:
        return figure(list(prefix) + ["bash", "-c", 'exec "$@" 3<&0', "bash"] + worker_cmd(build, program, arg), key, stdin=source)


def main():
    build, runs = parse_args()
    ipclab = os.path.join(build, "app", "ipclab")
    raw = os.path.join(build, "bench", "ipclab-bench-rawpipe")
    for path in (ipclab, raw):
        if not os.path.exists(path):
            sys.exit(f"run_ipc_bench: {path} is missing; build first (scripts/ipclab.sh test builds everything)")
    pingpong = os.path.join(HERE, "ipc", "pingpong.py")
    throughput = os.path.join(HERE, "ipc", "queue_throughput.py")
    rounds, items = "20000", "50000"

    rt_raw = best(lambda: figure([raw, rounds], "round_trip_us"), runs, False)
    rt_off = best(lambda: run_untraced(build, pingpong, rounds, "round_trip_us"), runs, False)
    rt_on = best(lambda: figure([ipclab, "run", pingpong, rounds], "round_trip_us"), runs, False)
    rt_py = best(lambda: figure(["python3", pingpong, rounds], "round_trip_us"), runs, False)

    # Both processes on one CPU: no cross-CPU wake-ups, whose cost varies a lot on virtual machines.
    pin = ["taskset", "-c", "0"]
    prt_raw = best(lambda: figure(pin + [raw, rounds], "round_trip_us"), runs, False)
    prt_off = best(lambda: run_untraced(build, pingpong, rounds, "round_trip_us", pin), runs, False)
    prt_py = best(lambda: figure(pin + ["python3", pingpong, rounds], "round_trip_us"), runs, False)

    q_off = best(lambda: run_untraced(build, throughput, items, "items_per_second"), runs, True)
    q_on = best(lambda: figure([ipclab, "run", throughput, items], "items_per_second"), runs, True)
    q_py = best(lambda: figure(["python3", throughput, items], "items_per_second"), runs, True)

    print(f"Connection round trip, 32 bytes, best of {runs} ({rounds} rounds):")
    print(f"  raw socketpair read/write  {rt_raw:8.2f} us")
    print(f"  IPC Lab, tracing off       {rt_off:8.2f} us   {rt_off / rt_raw:5.2f}x raw   (goal <= 1.5x)")
    print(f"  IPC Lab, tracing on        {rt_on:8.2f} us   {rt_on / rt_raw:5.2f}x raw   {rt_on / rt_off:5.2f}x untraced (goal <= 1.5x)")
    print(f"  CPython multiprocessing    {rt_py:8.2f} us   {rt_py / rt_raw:5.2f}x raw")
    print(f"  pinned to one CPU: raw {prt_raw:.2f} us, IPC Lab {prt_off:.2f} us ({prt_off / prt_raw:.2f}x raw), "
          f"CPython {prt_py:.2f} us ({prt_py / prt_raw:.2f}x raw)")
    print(f"Queue throughput, {items} ints, best of {runs}:")
    print(f"  IPC Lab, tracing off       {q_off:10.0f} items/s   {q_off / q_py:5.2f}x CPython (goal >= 1)")
    print(f"  IPC Lab, tracing on        {q_on:10.0f} items/s   {q_on / q_py:5.2f}x CPython   {q_off / q_on:5.2f}x slower than untraced (goal <= 1.5x)")
    print(f"  CPython multiprocessing    {q_py:10.0f} items/s")


if __name__ == "__main__":
    main()
