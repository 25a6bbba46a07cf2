# ipclab:title en: Queue(3): a full queue blocks the producer
# ipclab:title zh: Queue(3)：队列满了，生产者被阻塞
# ipclab:summary en: The producer puts six items into a queue of three slots. put() takes a slot of the bounded semaphore first; when all three are taken it waits until the consumer's get() gives one back.
# ipclab:summary zh: 生产者向只有三个槽位的队列放入六个元素。put() 先占用有界信号量的一个槽位；三个槽位都被占用时，它要等消费者的 get() 归还一个。
# ipclab:lesson 2.2
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

import queue
from multiprocessing import Process, Queue


def consumer(q, done):
    done.get()  # wait until the producer has seen the queue full
    for _ in range(6):
        print("consumer got", q.get(), flush=True)


if __name__ == "__main__":
    q = Queue(3)
    done = Queue()
    c = Process(target=consumer, args=(q, done))
    c.start()
    for i in range(3):
        # ipclab:explain en: Each put() takes one of the three semaphore slots.
        # ipclab:explain zh: 每次 put() 占用信号量三个槽位中的一个。
        q.put(i)
        print("producer put", i, flush=True)
    try:
        # ipclab:question at=raises en: Three slots are taken and the consumer is not reading yet. What does put(3, timeout=0.5) do?
        # ipclab:question at=raises zh: 三个槽位都被占用，消费者还没开始读。put(3, timeout=0.5) 会怎样？
        # ipclab:why en: put() first takes a slot of the queue's bounded semaphore. With all three taken and nobody reading, the acquire times out after 0.5 s and put() raises queue.Full.
        # ipclab:why zh: put() 先占用队列有界信号量的一个槽位。三个槽位都被占用又没人读取，获取在 0.5 秒后超时，put() 抛出 queue.Full。
        # ipclab:answer en: It adds a fourth slot
        # ipclab:answer zh: 增加第四个槽位
        # ipclab:answer* en: It waits 0.5 s for a free slot, then raises queue.Full
        # ipclab:answer* zh: 等待 0.5 秒空槽位，然后抛出 queue.Full
        # ipclab:answer en: It waits until the consumer reads
        # ipclab:answer zh: 一直等到消费者读取
        q.put(3, timeout=0.5)
    except queue.Full:
        print("put(3, timeout=0.5) raised queue.Full: all 3 slots are taken", flush=True)
    done.put("go")
    for i in range(3, 6):
        # ipclab:explain en: No timeout now: put() waits on the semaphore as long as it takes.
        # ipclab:explain zh: 这次没有 timeout：put() 在信号量上一直等下去。
        q.put(i)  # blocks until the consumer frees a slot
    c.join()
    print("all six items went through a queue of three slots")
