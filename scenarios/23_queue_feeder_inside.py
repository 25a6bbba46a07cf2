# ipclab:title en: Inside a Queue: the semaphore and the feeder thread
# ipclab:title zh: Queue 的内部：信号量与 feeder 线程
# ipclab:summary en: A Queue is a pipe, a read lock, a write lock and a bounded semaphore of maxsize slots. put() takes a slot and appends to a buffer in its own process; a feeder thread, started by the first put(), pickles each item and writes it into the pipe. get() reads the pipe and gives the slot back.
# ipclab:summary zh: 一个 Queue 由一条管道、一把读锁、一把写锁和一个有 maxsize 个槽位的有界信号量组成。put() 占用一个槽位，把元素追加到本进程的缓冲区；第一次 put() 时启动的 feeder 线程把每个元素 pickle 后写进管道。get() 从管道读取，并归还槽位。
# ipclab:lesson 2.5
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

from multiprocessing import Process, Queue


def consumer(q):
    for _ in range(3):
        # ipclab:explain en: get() takes the read lock, reads one message from the pipe, and releases a semaphore slot.
        # ipclab:explain zh: get() 拿到读锁，从管道读出一条消息，然后释放信号量的一个槽位。
        item = q.get()
        print("consumer got", item, flush=True)


if __name__ == "__main__":
    # ipclab:explain en: Queue(2): the semaphore starts with 2 free slots; nothing runs in the background yet.
    # ipclab:explain zh: Queue(2)：信号量一开始有 2 个空槽位；后台还没有任何线程。
    q = Queue(2)
    # ipclab:explain en: The first put() takes a slot and starts this process's feeder thread.
    # ipclab:explain zh: 第一次 put() 占用一个槽位，并启动本进程的 feeder 线程。
    q.put("first")
    q.put("second")
    # ipclab:question at=first en: Two puts into Queue(2), nothing read yet. What does q.full() say?
    # ipclab:question at=first zh: 向 Queue(2) 放入了两个元素，还没有读取。q.full() 会返回什么？
    # ipclab:why en: full() asks the bounded semaphore, not the pipe: each put() took a slot at once, even though the feeder thread may not have written the items into the pipe yet.
    # ipclab:why zh: full() 问的是有界信号量而不是管道：每次 put() 都立即占用了一个槽位，即使 feeder 线程可能还没把元素写进管道。
    # ipclab:answer* en: True: the semaphore has no free slot left
    # ipclab:answer* zh: True：信号量已经没有空槽位了
    # ipclab:answer en: False: the items are still in the buffer, not in the pipe
    # ipclab:answer zh: False：元素还在缓冲区里，没进管道
    # ipclab:answer en: It raises queue.Full
    # ipclab:answer zh: 抛出 queue.Full
    print("full():", q.full(), "qsize():", q.qsize())
    c = Process(target=consumer, args=(q,))
    c.start()
    # ipclab:explain en: No slot is free: this put() waits on the semaphore until the consumer's get() gives one back.
    # ipclab:explain zh: 没有空槽位：这次 put() 在信号量上等待，直到消费者的 get() 归还一个。
    q.put("third")
    c.join()
    print("empty():", q.empty())
