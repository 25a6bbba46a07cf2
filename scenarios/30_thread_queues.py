# ipclab:title en: Thread queues: queue.Queue, LifoQueue, PriorityQueue
# ipclab:title zh: 线程队列：queue.Queue、LifoQueue、PriorityQueue
# ipclab:summary en: The queue module's queues connect threads of one process, with no pipe and no pickling. Queue is first in first out, LifoQueue last in first out, PriorityQueue smallest first. They block, time out and count tasks like the multiprocessing ones.
# ipclab:summary zh: queue 模块的队列连接同一进程里的线程，不经过管道，也不做 pickle。Queue 先进先出，LifoQueue 后进先出，PriorityQueue 最小的先出。它们的阻塞、超时和任务计数与 multiprocessing 的队列一样。
# ipclab:lesson 3.1
# ipclab:chapter en: Thread queues
# ipclab:chapter zh: 线程队列

import queue
import threading

JOBS = [(3, "low"), (1, "urgent"), (2, "normal")]


def fill(q):
    for job in JOBS:
        q.put(job)


def drain(q):
    return [q.get() for _ in range(q.qsize())]


if __name__ == "__main__":
    fifo = queue.Queue()
    lifo = queue.LifoQueue()
    prio = queue.PriorityQueue()
    for q in [fifo, lifo, prio]:
        t = threading.Thread(target=fill, args=(q,))
        t.start()
        t.join()
    # ipclab:explain en: Queue: first in, first out, like a pipe.
    # ipclab:explain zh: Queue：先进先出，和管道一样。
    print("Queue:        ", drain(fifo))
    # ipclab:explain en: LifoQueue: last in, first out, like a stack.
    # ipclab:explain zh: LifoQueue：后进先出，像一个栈。
    print("LifoQueue:    ", drain(lifo))
    # ipclab:question at=first en: PriorityQueue got (3, "low"), (1, "urgent"), (2, "normal"). What comes out first?
    # ipclab:question at=first zh: PriorityQueue 依次收到 (3, "low")、(1, "urgent")、(2, "normal")。最先取出的是哪个？
    # ipclab:why en: A PriorityQueue always hands out its smallest item; tuples compare by their first element, so (1, "urgent") comes first whatever the order of the puts.
    # ipclab:why zh: PriorityQueue 总是先给出最小的元素；元组按第一个元素比较，所以无论放入顺序如何，(1, "urgent") 都最先出来。
    # ipclab:answer en: (3, "low"): it was put first
    # ipclab:answer zh: (3, "low")：它最先放入
    # ipclab:answer* en: (1, "urgent"): the smallest item
    # ipclab:answer* zh: (1, "urgent")：最小的元素
    # ipclab:answer en: (2, "normal"): it was put last
    # ipclab:answer zh: (2, "normal")：它最后放入
    print("PriorityQueue:", drain(prio))
    work = queue.Queue(maxsize=2)
    done = []

    def consumer():
        while True:
            item = work.get()
            if item is not None:
                done.append(item * 10)
            work.task_done()
            if item is None:
                break

    c = threading.Thread(target=consumer)
    c.start()
    for i in range(5):
        # ipclab:explain en: maxsize=2: put() blocks while two items are waiting, until the consumer thread takes one.
        # ipclab:explain zh: maxsize=2：已有两个元素在等待时 put() 会阻塞，直到消费者线程取走一个。
        work.put(i)
    work.put(None)
    # ipclab:explain en: join() waits until task_done() was called for every item put.
    # ipclab:explain zh: join() 一直等到每个放入的元素都调用过 task_done()。
    work.join()
    c.join()
    print("consumer thread made", done)
    try:
        work.get(timeout=0.1)
    except queue.Empty:
        print("get(timeout=0.1) on an empty queue: queue.Empty")
