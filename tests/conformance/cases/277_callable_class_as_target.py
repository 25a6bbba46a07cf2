# An instance with __call__ as a Process target, pickled under spawn.
import multiprocessing
from multiprocessing import Process, Pipe
class Job:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, conn, n):
        conn.send(n * self.factor)
        conn.close()
if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    parent, child = Pipe()
    p = Process(target=Job(3), args=(child, 14))
    p.start()
    print(parent.recv())
    p.join()
    print(p.exitcode)
