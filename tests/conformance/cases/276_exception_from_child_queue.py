# A worker reports a custom exception through a Queue; the parent re-raises it.
from multiprocessing import Process, Queue
class WorkError(Exception):
    pass
def worker(q, n):
    try:
        if n > 2:
            raise WorkError(f"n too big: {n}")
        q.put(n * 2)
    except WorkError as e:
        q.put(e)
if __name__ == "__main__":
    q = Queue()
    for n in [1, 5]:
        p = Process(target=worker, args=(q, n))
        p.start()
        r = q.get()
        p.join()
        if isinstance(r, Exception):
            raise r
        print("result", r)
