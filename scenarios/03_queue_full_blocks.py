# ipclab:title en: Queue(3): a full queue blocks the producer
# ipclab:title zh: Queue(3)：队列满了，生产者被阻塞
# ipclab:summary en: The producer puts six items into a queue of three slots. put() takes a slot of the bounded semaphore first; when all three are taken it waits until the consumer's get() gives one back.
# ipclab:summary zh: 生产者向只有三个槽位的队列放入六个元素。put() 先占用有界信号量的一个槽位；三个槽位都被占用时，它要等消费者的 get() 归还一个。

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
        q.put(i)
        print("producer put", i, flush=True)
    try:
        q.put(3, timeout=0.5)
    except queue.Full:
        print("put(3, timeout=0.5) raised queue.Full: all 3 slots are taken", flush=True)
    done.put("go")
    for i in range(3, 6):
        q.put(i)  # blocks until the consumer frees a slot
    c.join()
    print("all six items went through a queue of three slots")
