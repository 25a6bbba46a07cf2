# ipclab:title en: Trusting q.empty(): the reader that gives up too early
# ipclab:title zh: 轻信 q.empty()：过早放弃的读者
# ipclab:summary en: put() only hands the item to the feeder thread; it reaches the pipe a moment later. A reader that stops as soon as q.empty() is True misses items that are still on their way. A sentinel message is the reliable way to say "done".
# ipclab:summary zh: put() 只是把元素交给 feeder 线程，稍后它才被写进管道。一看到 q.empty() 为 True 就停下的读者会漏掉还在路上的元素。用一个哨兵消息表示“结束”才可靠。
# ipclab:lesson 2.4
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue
# ipclab:varies got \d+ of 5 items

from multiprocessing import Process, Queue

COUNT = 5


def producer(q):
    for i in range(COUNT):
        q.put(i)
    q.put(None)  # the sentinel: "nothing more will come"


if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q,))
    p.start()
    trusted = []
    # ipclab:explain en: empty() only looks at the pipe right now; the producer's feeder thread may not have written anything yet.
    # ipclab:explain zh: empty() 只看管道此刻的状态；生产者的 feeder 线程可能还什么都没写。
    # ipclab:question at=last en: The reader asks q.empty() once more. Can it trust the answer to know the producer is done?
    # ipclab:question at=last zh: 读取方再一次调用 q.empty()。它能凭这个结果判断生产者已经结束了吗？
    # ipclab:why en: empty() only looks at the pipe at that instant. The producer's items may still sit in its buffer or in its feeder thread, so True does not mean "done"; only the sentinel says that.
    # ipclab:why zh: empty() 只看管道那一瞬间的状态。生产者的元素可能还在它的缓冲区或 feeder 线程里，所以 True 并不表示“结束了”；只有哨兵才能说明这一点。
    # ipclab:answer en: Yes: once empty() is True nothing more will come
    # ipclab:answer zh: 可靠：empty() 为 True 之后就不会再有元素了
    # ipclab:answer* en: No: items may still be in the producer's buffer or on their way
    # ipclab:answer* zh: 不可靠：元素可能还在生产者的缓冲区里或在路上
    # ipclab:answer en: Yes, as long as the queue has no maxsize
    # ipclab:answer zh: 只要队列没有设置 maxsize 就可靠
    while not q.empty():  # wrong: empty() is a snapshot, the items may still be on their way
        trusted.append(q.get())
    received = [item for item in trusted if item is not None]
    print("trusting empty(), got", len(received), "of", COUNT, "items")
    if None not in trusted:
        while True:
            # ipclab:explain en: get() blocks until the next item really arrives; the None sentinel says the producer is done.
            # ipclab:explain zh: get() 阻塞到下一个元素真正到达；哨兵 None 表示生产者结束了。
            item = q.get()  # right: block until the sentinel arrives
            if item is None:
                break
            received.append(item)
    print("waiting for the sentinel, got", sorted(received))
    p.join()
