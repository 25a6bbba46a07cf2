# ipclab:title en: SimpleQueue: a pipe and two locks, no feeder
# ipclab:title zh: SimpleQueue：一条管道加两把锁，没有 feeder
# ipclab:summary en: SimpleQueue has no buffer, no feeder thread and no size limit: put() pickles the item and writes it into the pipe itself, under the write lock. It has put, get, empty and close, nothing more.
# ipclab:summary zh: SimpleQueue 没有缓冲区、没有 feeder 线程，也没有容量上限：put() 自己把元素 pickle 后在写锁保护下写进管道。它只有 put、get、empty 和 close 这几个方法。
# ipclab:lesson 2.7
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

from multiprocessing import Process, SimpleQueue


def square(jobs, results):
    while True:
        n = jobs.get()
        if n is None:
            break
        results.put(n * n)


if __name__ == "__main__":
    jobs = SimpleQueue()
    results = SimpleQueue()
    p = Process(target=square, args=(jobs, results))
    p.start()
    for n in [1, 2, 3, 4]:
        # ipclab:explain en: put() writes into the pipe right here, in this thread: no buffer, no feeder thread.
        # ipclab:explain zh: put() 就在当前线程里直接写管道：没有缓冲区，也没有 feeder 线程。
        jobs.put(n)
    # ipclab:explain en: None is the agreed "no more jobs" message.
    # ipclab:explain zh: None 是约定好的“没有任务了”的消息。
    jobs.put(None)
    print("squares:", [results.get() for _ in range(4)])
    p.join()
    # ipclab:question at=first en: Every result has been read. What does results.empty() return?
    # ipclab:question at=first zh: 所有结果都已读出。results.empty() 返回什么？
    # ipclab:why en: A SimpleQueue has no buffer and no feeder thread: put() writes straight into the pipe, so once every result is read the pipe is empty and empty() is True.
    # ipclab:why zh: SimpleQueue 没有缓冲区也没有 feeder 线程：put() 直接写进管道，所以每个结果都读完后管道是空的，empty() 为 True。
    # ipclab:answer* en: True
    # ipclab:answer* zh: True
    # ipclab:answer en: False
    # ipclab:answer zh: False
    print("results empty:", results.empty())
    jobs.close()
    results.close()
