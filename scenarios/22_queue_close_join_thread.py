# ipclab:title en: close(), join_thread() and cancel_join_thread()
# ipclab:title zh: close()、join_thread() 与 cancel_join_thread()
# ipclab:summary en: A process that put items waits at exit until its feeder thread has written them all into the pipe. close() says no more puts will come; join_thread() waits for the feeder; cancel_join_thread() lets the process exit at once, and what was not written is lost.
# ipclab:summary zh: 放入过元素的进程在退出时，会等它的 feeder 后台线程把所有元素都写进管道。close() 表示不会再放入；join_thread() 等待 feeder 线程结束；cancel_join_thread() 让进程立即退出，没写进管道的数据就丢失了。
# ipclab:lesson 2.6
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

from multiprocessing import Process, Queue


def producer(q):
    for i in range(3):
        q.put(i)
    # ipclab:explain en: close(): this process will put nothing more; the feeder finishes its buffer and stops.
    # ipclab:explain zh: close()：本进程不会再放入任何元素；feeder 线程写完缓冲区后就结束。
    q.close()
    # ipclab:explain en: join_thread() waits until the feeder has written every item into the pipe.
    # ipclab:explain zh: join_thread() 一直等到 feeder 线程把每个元素都写进管道。
    q.join_thread()
    print("producer: all three items are in the pipe", flush=True)


def careless(q):
    q.put("x" * 100000)
    # ipclab:explain en: 100000 bytes do not fit in the pipe and nobody reads them: the feeder is stuck writing.
    # ipclab:explain zh: 100000 个字节放不进管道，也没有人读取：feeder 线程卡在写操作里。
    # ipclab:question at=first en: Without the next line, what would happen when this process exits?
    # ipclab:question at=first zh: 如果没有下一行，这个进程退出时会怎样？
    # ipclab:why en: At exit a process joins its queue's feeder thread, which waits until everything in its buffer is written into the pipe. With nobody reading and the pipe full, that never happens: cancel_join_thread() lets the process exit anyway.
    # ipclab:why zh: 进程退出时会等待队列的 feeder 线程，而 feeder 要等缓冲区里的一切都写进管道。没人读取、管道已满时这永远不会发生：cancel_join_thread() 让进程照样退出。
    # ipclab:answer* en: It would wait forever for its feeder: the process would hang
    # ipclab:answer* zh: 它会永远等待 feeder 线程：进程挂起
    # ipclab:answer en: It would exit and the data would still arrive later
    # ipclab:answer zh: 它会退出，数据之后仍会送达
    # ipclab:answer en: put() would already have raised queue.Full
    # ipclab:answer zh: put() 早就抛出 queue.Full 了
    q.cancel_join_thread()
    print("careless: exiting without waiting for the feeder", flush=True)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q,))
    p.start()
    p.join()
    print("main got", [q.get() for _ in range(3)])
    lossy = Queue()
    c = Process(target=careless, args=(lossy,))
    c.start()
    c.join()
    print("careless exited with code", c.exitcode)
