# ipclab:title en: A Process subclass and Task objects through a JoinableQueue
# ipclab:title zh: Process 子类与经 JoinableQueue 传递的 Task 对象
# ipclab:summary en: Consumer subclasses Process and overrides run(); the main process puts Task objects, which travel pickled as CPython pickles them (the class by name, then the object's attributes), and a None per consumer to stop it. task_done() and join() tell the main process when every task is finished.
# ipclab:summary zh: Consumer 继承 Process 并重写 run()；主进程放入 Task 对象，它们像 CPython 那样被 pickle 传递（先是类名，再是对象的属性），每个消费者再收到一个 None 以停止。task_done() 和 join() 让主进程知道每个任务何时完成。
# ipclab:lesson 2.9
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

from multiprocessing import JoinableQueue, Process, Queue


class Task:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    # ipclab:explain en: A Task is called like a function: the consumer runs task() without knowing what it computes.
    # ipclab:explain zh: Task 可以像函数一样被调用：消费者执行 task()，不必知道它计算什么。
    def __call__(self):
        return self.a * self.b

    def __str__(self):
        return f"{self.a} * {self.b}"


class Consumer(Process):
    def __init__(self, tasks, results):
        # ipclab:explain en: super().__init__() sets the process up (its name, Consumer-1); run() is what start() runs in the child.
        # ipclab:explain zh: super().__init__() 完成进程的初始化（比如名字 Consumer-1）；start() 在子进程中执行的是 run()。
        super().__init__()
        self.tasks = tasks
        self.results = results

    def run(self):
        while True:
            task = self.tasks.get()
            if task is None:
                self.tasks.task_done()
                break
            self.results.put(f"{self.name}: {task} = {task()}")
            self.tasks.task_done()


if __name__ == "__main__":
    tasks = JoinableQueue()
    results = Queue()
    consumers = [Consumer(tasks, results) for _ in range(2)]
    for c in consumers:
        c.start()
    for i in range(4):
        # ipclab:explain en: put() pickles the Task: the bytes name __main__.Task and carry its a and b, and the child rebuilds it without calling __init__.
        # ipclab:explain zh: put() 会 pickle 这个 Task：字节里写着 __main__.Task 以及它的 a 和 b，子进程据此重建对象，而不会调用 __init__。
        tasks.put(Task(i, i + 1))
    for c in consumers:
        tasks.put(None)
    # ipclab:question at=first en: When does tasks.join() return?
    # ipclab:question at=first zh: tasks.join() 什么时候返回？
    # ipclab:why en: join() waits until every put() has been matched by a task_done(): the four tasks and the two None markers.
    # ipclab:why zh: join() 一直等到每次 put() 都有对应的 task_done()：四个任务加上两个 None 标记。
    # ipclab:answer en: As soon as both consumers have started
    # ipclab:answer zh: 两个消费者一启动就返回
    # ipclab:answer* en: After six task_done() calls: four tasks and two None markers
    # ipclab:answer* zh: 六次 task_done() 之后：四个任务和两个 None 标记
    # ipclab:answer en: After four task_done() calls, one per Task
    # ipclab:answer zh: 四次 task_done() 之后，每个 Task 一次
    tasks.join()
    done = sorted(results.get().split(": ", 1)[1] for _ in range(4))
    print("main: all tasks done:", done)
    for c in consumers:
        c.join()
    print("main: exit codes", [c.exitcode for c in consumers])
