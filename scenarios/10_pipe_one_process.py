# ipclab:title en: A Pipe in one process: two connected ends
# ipclab:title zh: 单个进程里的 Pipe：两个相连的端
# ipclab:summary en: Pipe() returns two Connection objects joined to each other. What one end sends, the other end receives, in order; here one process plays both sides so nothing can block.
# ipclab:summary zh: Pipe() 返回两个彼此相连的 Connection 对象。一端发送的数据由另一端按顺序接收；这里一个进程同时扮演两边，所以不会发生阻塞。
# ipclab:lesson 1.1
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe

from multiprocessing import Pipe

if __name__ == "__main__":
    # ipclab:explain en: Pipe() makes both ends at once; by default each end can send and receive (duplex).
    # ipclab:explain zh: Pipe() 一次创建两端；默认每一端既能发送也能接收（全双工）。
    con1, con2 = Pipe()
    # ipclab:explain en: send() pickles the object and writes it, with a 4-byte length in front, into the pipe.
    # ipclab:explain zh: send() 先把对象序列化（pickle），再连同 4 字节的长度前缀写进管道。
    con1.send("hello from con1")
    # ipclab:question at=first en: con1 sent a message. Which end can receive it?
    # ipclab:question at=first zh: con1 发送了一条消息。哪一端能收到它？
    # ipclab:why en: A Pipe() has two ends: what is sent into one end comes out of the other, never out of the end that sent it.
    # ipclab:why zh: Pipe() 有两个端：从一端发送的内容从另一端出来，绝不会从发送的那一端出来。
    # ipclab:answer en: con1 itself: it reads back what it wrote
    # ipclab:answer zh: con1 自己：它读回自己写的内容
    # ipclab:answer* en: con2, the other end of the pipe
    # ipclab:answer* zh: con2，管道的另一端
    # ipclab:answer en: Any Connection in the program
    # ipclab:answer zh: 程序中任意一个 Connection
    print("con2 received:", con2.recv())
    # ipclab:explain en: The other direction works too: con2 sends, con1 receives.
    # ipclab:explain zh: 反方向同样可以：con2 发送，con1 接收。
    con2.send({"reply": 42, "ok": True})
    print("con1 received:", con1.recv())
    for word in ["first", "second", "third"]:
        con1.send(word)
    # ipclab:explain en: Messages arrive in the order they were sent: a pipe is first in, first out.
    # ipclab:explain zh: 消息按发送的顺序到达：管道是先进先出的。
    print("in order:", [con2.recv() for _ in range(3)])
    con1.close()
    con2.close()
