import multiprocessing as mp
from multiprocessing import Process, Pipe, Queue, Lock
import os

def child(conn, q, lock, n):
    with lock:
        conn.send(("hello from", mp.current_process().name, __name__))
    q.put(n * 2)
    conn.close()

print("module runs as", __name__)
counter = [0]


def report_counter(q):
    q.put(counter[0])

if __name__ == "__main__":
    counter[0] = 99
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    a, b = Pipe()
    q = Queue()
    lock = Lock()
    p = Process(target=child, args=(b, q, lock, 21))
    p.start()
    b.close()
    print(a.recv())
    print(q.get())
    try:
        a.recv()
    except EOFError:
        print("EOF")
    p.join()
    print("exitcode", p.exitcode)
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    # A spawned child gets its own copy of the main module: module-level state is fresh.
    q2 = Queue()
    p3 = Process(target=report_counter, args=(q2,))
    p3.start()
    print("counter in the spawned child:", q2.get())
    p3.join()
