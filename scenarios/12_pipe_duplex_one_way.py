# ipclab:title en: Duplex and one-way pipes: Pipe(duplex=False)
# ipclab:title zh: 全双工与单向管道：Pipe(duplex=False)
# ipclab:summary en: By default both ends of a Pipe send and receive. With duplex=False the first end only reads and the second only writes; sending on the read end raises OSError.
# ipclab:summary zh: 默认情况下 Pipe 的两端都能收发。设置 duplex=False 后，第一端只能读，第二端只能写；在读端上发送会抛出 OSError。
# ipclab:lesson 1.3
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe

from multiprocessing import Pipe, Process


def echo(conn):
    word = conn.recv()
    conn.send(word + " and back")
    conn.close()


if __name__ == "__main__":
    # ipclab:explain en: A duplex pipe: a socket pair underneath, both ends read and write.
    # ipclab:explain zh: 全双工管道：底层是一对套接字，两端都能读写。
    a, b = Pipe()
    p = Process(target=echo, args=(b,))
    p.start()
    a.send("there")
    print("duplex:", a.recv())
    p.join()
    # ipclab:explain en: A one-way pipe: an OS pipe underneath; the first end reads, the second writes.
    # ipclab:explain zh: 单向管道：底层是操作系统的 pipe；第一端读，第二端写。
    reader, writer = Pipe(duplex=False)
    print("reader: readable", reader.readable, "writable", reader.writable)
    print("writer: readable", writer.readable, "writable", writer.writable)
    writer.send("one way")
    print("one way:", reader.recv())
    try:
        # ipclab:question at=first en: reader is the read end of a one-way pipe. What does reader.send() do?
        # ipclab:question at=first zh: reader 是单向管道的读端。reader.send() 会怎样？
        # ipclab:why en: Pipe(duplex=False) gives a read-only end and a write-only end. Sending on the read end is refused at once with OSError; nothing waits.
        # ipclab:why zh: Pipe(duplex=False) 给出一个只读端和一个只写端。在只读端上发送会立即被拒绝并抛出 OSError；不会等待。
        # ipclab:answer en: It sends the message to writer
        # ipclab:answer zh: 把消息发给 writer
        # ipclab:answer en: It blocks forever
        # ipclab:answer zh: 永远阻塞
        # ipclab:answer* en: It raises OSError: the connection is read-only
        # ipclab:answer* zh: 抛出 OSError：这个连接是只读的
        reader.send("back?")
    except OSError as e:
        print("reader.send() raised OSError:", e)
    reader.close()
    writer.close()
