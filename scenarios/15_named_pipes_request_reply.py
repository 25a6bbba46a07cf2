# ipclab:title en: Named pipes: a request and a reply through two FIFOs
# ipclab:title zh: 命名管道：通过两个 FIFO 发送请求、取回答复
# ipclab:summary en: os.mkfifo() makes a pipe with a name in the file system, so processes that share no Connection object can still talk: they open it by its path. A pipe carries bytes one way, so a request/reply needs two FIFOs. Opening one end waits until another process opens the other end; os.read() returns b"" once every writer has closed.
# ipclab:summary zh: os.mkfifo() 在文件系统里创建一个有名字的管道，没有共享 Connection 对象的进程也能通过路径打开它来通信。管道只单向传送字节，所以一问一答需要两个 FIFO。打开一端会等待，直到另一个进程打开另一端；所有写端都关闭后，os.read() 返回 b""。
# ipclab:lesson 1.8
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe

import os
from multiprocessing import Process

REQUESTS = "requests.fifo"
REPLIES = "replies.fifo"


def read_all(fd):
    data = b""
    while True:
        # ipclab:explain en: os.read() returns what the pipe holds (at most 1024 bytes), waits while it is empty, and returns b"" once every write end is closed.
        # ipclab:explain zh: os.read() 返回管道中已有的数据（最多 1024 字节）；管道为空时等待；所有写端都关闭后返回 b""。
        chunk = os.read(fd, 1024)
        if not chunk:
            return data
        data += chunk


def server():
    # ipclab:explain en: Opening a FIFO for reading waits until some process opens it for writing: here, until the client does.
    # ipclab:explain zh: 以只读方式打开 FIFO 会等待，直到有进程以写方式打开它：这里要等客户端。
    # ipclab:question at=first en: The server opens requests.fifo for reading before the client has opened it. What happens?
    # ipclab:question at=first zh: 客户端还没打开 requests.fifo，服务器就以只读方式打开它。会怎样？
    # ipclab:why en: Opening a FIFO for reading blocks until some process opens it for writing: the two ends meet at open(), before any byte is read.
    # ipclab:why zh: 以只读方式打开 FIFO 会阻塞，直到某个进程以写方式打开它：两端在 open() 处会合，早于读取任何字节。
    # ipclab:answer en: os.open() returns at once and the first os.read() returns b""
    # ipclab:answer zh: os.open() 立即返回，第一次 os.read() 返回 b""
    # ipclab:answer* en: os.open() waits until the client opens the FIFO for writing
    # ipclab:answer* zh: os.open() 一直等待，直到客户端以写方式打开这个 FIFO
    # ipclab:answer en: It raises FileNotFoundError
    # ipclab:answer zh: 抛出 FileNotFoundError
    fd = os.open(REQUESTS, os.O_RDONLY)
    request = read_all(fd).decode()
    os.close(fd)
    print("server: request", repr(request), flush=True)
    a, b = request.split("+")
    answer = str(int(a) + int(b))
    # ipclab:explain en: The reply goes through the second FIFO, the other way: the server writes, the client reads.
    # ipclab:explain zh: 答复走第二个 FIFO，方向相反：服务器写，客户端读。
    fd = os.open(REPLIES, os.O_WRONLY)
    os.write(fd, answer.encode())
    # ipclab:explain en: Closing the only write end is what lets the client's os.read() return b"": the reply is complete.
    # ipclab:explain zh: 关闭唯一的写端，客户端的 os.read() 才会返回 b""：答复完整了。
    os.close(fd)


def client():
    # ipclab:explain en: Opening for writing meets the server's open for reading: both calls return.
    # ipclab:explain zh: 以写方式打开与服务器的只读打开相遇：两个调用都返回。
    fd = os.open(REQUESTS, os.O_WRONLY)
    # ipclab:explain en: A FIFO carries bytes, not objects: the text is encoded first.
    # ipclab:explain zh: FIFO 传送的是字节而不是对象：文本要先编码。
    os.write(fd, "19+23".encode())
    # ipclab:explain en: Closing the write end tells the server the request is complete (its os.read() returns b"").
    # ipclab:explain zh: 关闭写端告诉服务器请求已经完整（它的 os.read() 返回 b""）。
    os.close(fd)
    fd = os.open(REPLIES, os.O_RDONLY)
    reply = read_all(fd).decode()
    os.close(fd)
    print("client: reply", repr(reply), flush=True)


if __name__ == "__main__":
    # ipclab:explain en: os.mkfifo() creates the named pipe: an entry in the directory, with no data in it yet.
    # ipclab:explain zh: os.mkfifo() 创建命名管道：目录中的一个条目，里面还没有数据。
    os.mkfifo(REQUESTS)
    os.mkfifo(REPLIES)
    print("FIFOs exist:", os.path.exists(REQUESTS), os.path.exists(REPLIES))
    processes = [Process(target=server), Process(target=client)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("exit codes:", [p.exitcode for p in processes])
    # ipclab:explain en: The FIFO stays in the file system after every process closed it: remove it like a file.
    # ipclab:explain zh: 所有进程都关闭 FIFO 之后，它仍留在文件系统中：要像文件一样删除它。
    os.remove(REQUESTS)
    os.remove(REPLIES)
    print("FIFOs exist:", os.path.exists(REQUESTS), os.path.exists(REPLIES))
