# A Task class with __call__ through a JoinableQueue to Process subclasses.
from multiprocessing import Process, JoinableQueue, Queue
class Task:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __call__(self):
        return self.a * self.b
    def __str__(self):
        return f"{self.a} * {self.b}"
class Consumer(Process):
    def __init__(self, tasks, results):
        super().__init__()
        self.tasks = tasks
        self.results = results
    def run(self):
        while True:
            task = self.tasks.get()
            if task is None:
                self.tasks.task_done()
                break
            self.results.put(f"{task} = {task()}")
            self.tasks.task_done()
if __name__ == "__main__":
    tasks, results = JoinableQueue(), Queue()
    consumers = [Consumer(tasks, results) for _ in range(2)]
    for c in consumers:
        c.start()
    for i in range(6):
        tasks.put(Task(i, i + 1))
    for _ in consumers:
        tasks.put(None)
    tasks.join()
    print(sorted(results.get() for _ in range(6)))
    for c in consumers:
        c.join()
    print([c.exitcode for c in consumers], [c.name for c in consumers])
