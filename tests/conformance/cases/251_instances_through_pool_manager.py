from multiprocessing import Pool, Manager
class Job:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Job({self.n})"
class Result:
    def __init__(self, job, value):
        self.job = job
        self.value = value
    def __repr__(self):
        return f"Result({self.job}, {self.value})"
def work(job):
    return Result(job, job.n * 10)
if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(work, [Job(i) for i in range(4)]))
        print(pool.apply(work, (Job(9),)))
    with Manager() as m:
        d = m.dict()
        d["a"] = Job(1)
        lst = m.list([Job(2)])
        print(d["a"], lst[0], d)
