# ipclab:title en: A Queue and a quit message
# ipclab:title zh: 队列与退出消息
# ipclab:summary en: A worker process takes jobs from a Queue until it gets an agreed "quit" message. Any process may put and get; the quit message is how the worker knows no more work will come.
# ipclab:summary zh: 工作进程不断从队列里取任务，直到收到约定好的 "quit" 消息。任何进程都可以放入和取出；退出消息让工作进程知道不会再有新任务了。
# ipclab:lesson 2.1
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

from multiprocessing import Process, Queue


def worker(q):
    while True:
        # ipclab:explain en: get() blocks while the queue is empty, then returns the oldest item.
        # ipclab:explain zh: 队列为空时 get() 阻塞，之后返回最早放入的元素。
        job = q.get()
        if job == "quit":
            print("worker: got quit, stopping", flush=True)
            break
        print("worker: doing", job, flush=True)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=worker, args=(q,))
    p.start()
    for job in ["wash", "dry", "fold"]:
        # ipclab:explain en: put() returns at once: the item goes to this process's buffer, and a feeder thread writes it into the pipe.
        # ipclab:explain zh: put() 立即返回：元素先进入本进程的缓冲区，再由 feeder 后台线程写进管道。
        q.put(job)
    # ipclab:question at=first en: The worker loops on get() forever. What makes it stop?
    # ipclab:question at=first zh: 工作进程在 get() 上无限循环。什么让它停下来？
    # ipclab:why en: get() on an empty queue just waits; nothing tells the worker the jobs are over unless a message does. The "quit" message, put after the last job, comes out last and ends its loop.
    # ipclab:why zh: 空队列上的 get() 只会等待；除非有一条消息告诉它，否则工作进程不会知道任务已结束。放在最后一个任务之后的 "quit" 消息最后被取出，结束它的循环。
    # ipclab:answer en: get() raises an exception once the queue is empty
    # ipclab:answer zh: 队列空了以后 get() 会抛出异常
    # ipclab:answer* en: The "quit" message, put after the last job
    # ipclab:answer* zh: 在最后一个任务之后放入的 "quit" 消息
    # ipclab:answer en: p.join() stops it
    # ipclab:answer zh: p.join() 让它停下
    q.put("quit")
    p.join()
    print("main: the worker exited with code", p.exitcode)
