# ipclab:title en: poll(): is there something to read?
# ipclab:title zh: poll()：有数据可读吗？
# ipclab:summary en: poll() answers without blocking (or waits at most its timeout): True when recv() would not block. A closed pipe also counts as readable: recv() would raise EOFError at once.
# ipclab:summary zh: poll() 不阻塞地回答（或最多等待 timeout 秒）：当 recv() 不会阻塞时返回 True。已关闭的管道也算可读：此时 recv() 会立即抛出 EOFError。
# ipclab:lesson 1.6
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe

import time
from multiprocessing import Pipe, Process


def slow_sender(conn):
    time.sleep(0.5)
    conn.send("late news")
    conn.close()


if __name__ == "__main__":
    receiver, sender = Pipe(duplex=False)
    p = Process(target=slow_sender, args=(sender,))
    p.start()
    sender.close()
    # ipclab:explain en: poll() with no timeout looks and returns at once: the child is still asleep.
    # ipclab:explain zh: 不带 timeout 的 poll() 看一眼就立即返回：子进程还在睡眠。
    print("poll():", receiver.poll())
    # ipclab:explain en: poll(0.1) waits up to 0.1 s for data, then gives up with False.
    # ipclab:explain zh: poll(0.1) 最多等待 0.1 秒，仍没有数据就返回 False。
    print("poll(0.1):", receiver.poll(0.1))
    # ipclab:explain en: poll(5) returns True as soon as the message arrives, long before 5 s.
    # ipclab:explain zh: 消息一到 poll(5) 就返回 True，远不到 5 秒。
    print("poll(5):", receiver.poll(5))
    print("recv():", receiver.recv())
    p.join()
    # ipclab:question at=first en: The child has exited and closed its end. What does poll() return now?
    # ipclab:question at=first zh: 子进程已经退出并关闭了它的一端。现在 poll() 返回什么？
    # ipclab:why en: poll() says whether recv() would return without waiting. With every write end closed it would not wait: it would raise EOFError at once, so poll() returns True.
    # ipclab:why zh: poll() 表示 recv() 是否可以不等待就返回。写端全部关闭后它不会等待，而是立即抛出 EOFError，所以 poll() 返回 True。
    # ipclab:answer en: False: there is no message
    # ipclab:answer zh: False：没有消息
    # ipclab:answer* en: True: recv() would not block, it would raise EOFError
    # ipclab:answer* zh: True：recv() 不会阻塞，它会抛出 EOFError
    # ipclab:answer en: It raises EOFError itself
    # ipclab:answer zh: poll() 自己抛出 EOFError
    print("poll() after the close:", receiver.poll())
    try:
        receiver.recv()
    except EOFError:
        print("recv() raised EOFError")
