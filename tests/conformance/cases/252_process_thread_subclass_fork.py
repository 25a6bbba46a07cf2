# class Worker(Process) and class Counter(Thread) with run() and super().__init__(), forked.
import multiprocessing
import threading
from multiprocessing import Process, Queue

class Worker(Process):
    def __init__(self, q, n):
        super().__init__()
        self.q = q
        self.n = n
    def run(self):
        for i in range(self.n):
            self.q.put((self.name, i * i))
        self.q.put(None)

class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i

class Named(Process):
    def run(self):
        print("named run", self.name)

if __name__ == "__main__":
    q = Queue()
    w = Worker(q, 3)
    print(w.name, w.is_alive(), isinstance(w, Process), type(w).__name__, repr(w).split()[0])
    w.start()
    while True:
        item = q.get()
        if item is None:
            break
        print(item)
    w.join()
    print("exitcode", w.exitcode)
    t = Counter(10)
    t.start()
    t.join()
    print(t.total, t.name, isinstance(t, threading.Thread))
    n = Named(name="custom")
    n.start()
    n.join()
