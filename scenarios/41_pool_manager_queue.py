# ipclab:title en: A Pool's workers report through a Manager queue
# ipclab:title zh: 进程池的工作进程通过 Manager 队列汇报
# ipclab:summary en: A Pool sends each task to a worker that already exists, so the task and its arguments are pickled. A Manager().Queue() is a proxy that pickles well: every worker connects to the manager and puts its results there. A plain multiprocessing.Queue can only be inherited at fork time, so passing it with a task fails with RuntimeError, raised by get().
# ipclab:summary zh: 进程池把每个任务交给已经存在的工作进程，所以任务和它的参数都要经过 pickle 序列化。Manager().Queue() 是一个可以 pickle 的代理：每个工作进程都连接到管理进程，把结果放进那里。普通的 multiprocessing.Queue 只能在 fork 时被继承，所以把它随任务传递会失败，get() 抛出 RuntimeError。
# ipclab:lesson 4.3
# ipclab:chapter en: Sharing state with a Manager
# ipclab:chapter zh: 用 Manager 共享数据

from multiprocessing import Manager, Pool, Queue


def square(results, n):
    # ipclab:explain en: A call on the proxy: the worker sends the item to the manager's process, which holds the real queue.
    # ipclab:explain zh: 对代理的调用：工作进程把元素发给管理进程，真正的队列在那里。
    results.put((n, n * n))


if __name__ == "__main__":
    with Manager() as manager:
        # ipclab:explain en: The queue lives in the manager's process; results is a proxy to it that can be pickled into any task.
        # ipclab:explain zh: 队列位于管理进程中；results 是指向它的代理，可以 pickle 进任何任务。
        results = manager.Queue()
        # ipclab:explain en: Two worker processes are started now, before any task exists.
        # ipclab:explain zh: 两个工作进程现在就启动了，那时还没有任何任务。
        pool = Pool(2)
        # ipclab:explain en: apply_async() pickles the function and its arguments and hands the task to a free worker.
        # ipclab:explain zh: apply_async() 把函数及其参数 pickle 后，交给一个空闲的工作进程。
        tasks = [pool.apply_async(square, (results, n)) for n in range(1, 6)]
        for t in tasks:
            t.wait()
        # ipclab:explain en: The workers finished in their own order: sorting makes the output the same every run.
        # ipclab:explain zh: 工作进程完成的顺序各不相同：排序后每次的输出都一样。
        squares = sorted(results.get() for _ in range(5))
        print("from the Manager queue:", squares)

        plain = Queue()
        task = pool.apply_async(square, (plain, 6))
        try:
            # ipclab:question at=raises en: The task received a plain multiprocessing.Queue. What does get() do?
            # ipclab:question at=raises zh: 任务收到的是一个普通的 multiprocessing.Queue。get() 会怎样？
            # ipclab:why en: A task's arguments are pickled to reach a pool worker, and a plain multiprocessing.Queue refuses to be pickled outside of process inheritance: the RuntimeError comes back through get(). A Manager's queue is a proxy and travels fine.
            # ipclab:why zh: 任务的参数要被 pickle 才能送到进程池的工作进程，而普通 multiprocessing.Queue 只能通过进程继承传递，拒绝被 pickle：RuntimeError 通过 get() 传回来。Manager 的队列是代理，可以正常传递。
            # ipclab:answer en: It returns None: the worker put (6, 36) into the queue
            # ipclab:answer zh: 返回 None：工作进程把 (6, 36) 放进了队列
            # ipclab:answer en: It waits forever: the worker's queue is a copy nobody reads
            # ipclab:answer zh: 永远等待：工作进程的队列是没人读的副本
            # ipclab:answer* en: It raises RuntimeError: the queue cannot be pickled into a task
            # ipclab:answer* zh: 抛出 RuntimeError：这个队列不能 pickle 进任务
            task.get(timeout=10)
        except RuntimeError as e:
            print("with a plain Queue:", type(e).__name__ + ":", e)
        pool.close()
        pool.join()
