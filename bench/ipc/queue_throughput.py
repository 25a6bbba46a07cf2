# Queue throughput: a producer process puts N small items, the main process
# gets them; prints items per second.
import sys
import time
from multiprocessing import Process, Queue

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 50000


def produce(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=produce, args=(q, COUNT))
    start = time.perf_counter()
    p.start()
    got = 0
    while q.get() is not None:
        got += 1
    elapsed = time.perf_counter() - start
    p.join()
    assert got == COUNT
    print("items_per_second", COUNT / elapsed)
