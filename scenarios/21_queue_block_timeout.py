# ipclab:title en: put and get: block, timeout and the _nowait forms
# ipclab:title zh: put 与 get：block、timeout 以及 _nowait
# ipclab:summary en: put() and get() block by default. With a timeout they wait at most that long and then raise queue.Full or queue.Empty; with block=False, or put_nowait()/get_nowait(), they raise at once.
# ipclab:summary zh: put() 和 get() 默认会阻塞。设置 timeout 后最多等待这么久，然后抛出 queue.Full 或 queue.Empty；设置 block=False 或使用 put_nowait()/get_nowait() 时立即抛出异常。
# ipclab:lesson 2.3
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

import queue
import time
from multiprocessing import Queue

if __name__ == "__main__":
    q = Queue(2)
    q.put("a")
    q.put("b", block=True, timeout=1)
    try:
        # ipclab:explain en: put_nowait() is put(block=False): no free slot, so queue.Full at once.
        # ipclab:explain zh: put_nowait() 就是 put(block=False)：没有空槽位，立即抛出 queue.Full。
        q.put_nowait("c")
    except queue.Full:
        print("put_nowait('c'): queue.Full at once")
    start = time.monotonic()
    try:
        # ipclab:question at=raises en: Both slots are taken and nobody reads. What does put("c", timeout=0.3) do?
        # ipclab:question at=raises zh: 两个槽位都被占用，也没有人读取。put("c", timeout=0.3) 会怎样？
        # ipclab:why en: With block=True and a timeout, put() waits for a free slot at most that long; the queue never drops items, so after 0.3 s it raises queue.Full.
        # ipclab:why zh: block=True 并带 timeout 时，put() 最多等待这么久来获得空槽位；队列从不丢弃元素，所以 0.3 秒后抛出 queue.Full。
        # ipclab:answer en: It waits forever
        # ipclab:answer zh: 永远等待
        # ipclab:answer en: It drops the oldest item to make room
        # ipclab:answer zh: 丢掉最早的元素腾出位置
        # ipclab:answer* en: It waits 0.3 s for a slot, then raises queue.Full
        # ipclab:answer* zh: 等待 0.3 秒空槽位，然后抛出 queue.Full
        q.put("c", timeout=0.3)
    except queue.Full:
        print("put('c', timeout=0.3): queue.Full after waiting", time.monotonic() - start >= 0.25)
    print("get():", q.get())
    # ipclab:explain en: block=False still returns an item when one is already in the pipe.
    # ipclab:explain zh: 如果管道里已经有元素，block=False 照样能取到。
    print("get(block=False):", q.get(block=False))
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait(): queue.Empty at once")
    try:
        # ipclab:explain en: get(timeout=0.2) waits up to 0.2 s for an item, then raises queue.Empty.
        # ipclab:explain zh: get(timeout=0.2) 最多等待 0.2 秒，还没有元素就抛出 queue.Empty。
        q.get(timeout=0.2)
    except queue.Empty:
        print("get(timeout=0.2): queue.Empty")
