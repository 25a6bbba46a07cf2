# ipclab:title en: Trusting q.empty(): the reader that gives up too early
# ipclab:title zh: 轻信 q.empty()：过早放弃的读者
# ipclab:summary en: put() only hands the item to the feeder thread; it reaches the pipe a moment later. A reader that stops as soon as q.empty() is True misses items that are still on their way. A sentinel message is the reliable way to say "done".
# ipclab:summary zh: put() 只是把元素交给 feeder 线程，稍后它才被写进管道。一看到 q.empty() 为 True 就停下的读者会漏掉还在路上的元素。用一个哨兵消息表示“结束”才可靠。
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
    while not q.empty():  # wrong: empty() is a snapshot, the items may still be on their way
        trusted.append(q.get())
    received = [item for item in trusted if item is not None]
    print("trusting empty(), got", len(received), "of", COUNT, "items")
    if None not in trusted:
        while True:
            item = q.get()  # right: block until the sentinel arrives
            if item is None:
                break
            received.append(item)
    print("waiting for the sentinel, got", sorted(received))
    p.join()
