from multiprocessing import Process, Queue, Pipe
class Task:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __call__(self):
        return self.a * self.b
    def __repr__(self):
        return f"Task({self.a}, {self.b})"
class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
def worker(q, out):
    while True:
        t = q.get()
        if t is None:
            break
        out.put((t, t()))
    out.put(AppError(5))
if __name__ == "__main__":
    import multiprocessing
    multiprocessing.set_start_method("spawn")
    q, out = Queue(), Queue()
    p = Process(target=worker, args=(q, out))
    p.start()
    for i in range(3):
        q.put(Task(i, 7))
    q.put(None)
    for i in range(3):
        print(out.get())
    e = out.get()
    print(type(e).__name__, e, e.args, getattr(e, "code", None))
    p.join()
    a, b = Pipe()
    a.send([Task(1, 2), Task(3, 4)])
    print(b.recv())
