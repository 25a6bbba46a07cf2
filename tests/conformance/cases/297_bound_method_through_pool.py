# Bound methods of a scenario's instances travel pickled as getattr(obj, name): Pool.map, a Process target.
from multiprocessing import Pool, Process, Queue
class Scaler:
    def __init__(self, k):
        self.k = k
    def scale(self, x):
        return x * self.k
    @classmethod
    def unit(cls, x):
        return (cls.__name__, x)
    def report(self, q, x):
        q.put(self.scale(x))
if __name__ == "__main__":
    s = Scaler(3)
    with Pool(2) as pool:
        print(pool.map(s.scale, range(5)))
        print(pool.map(Scaler.unit, [1, 2]))
    q = Queue()
    p = Process(target=s.report, args=(q, 7))
    p.start()
    print(q.get())
    p.join()
