# ipclab:title en: A socket between two processes on 127.0.0.1
# ipclab:title zh: 两个进程之间的套接字（127.0.0.1）
# ipclab:summary en: A TCP socket joins two processes through the network stack, even on one machine. The server binds to port 0 (the system picks a free port, so the lesson never meets a busy one), listens, and accepts; it tells the client the port through a Queue. A socket carries a stream of bytes: recv() returns what has arrived, and b"" once the other side has shut down its sending.
# ipclab:summary zh: TCP 套接字通过网络协议栈把两个进程连起来，即使在同一台机器上也一样。服务器绑定到 0 号端口（由系统挑选空闲端口，所以本课永远不会碰到被占用的端口），然后监听、接受连接；它通过 Queue 把端口告诉客户端。套接字传送的是字节流：recv() 返回已经到达的数据，对方关闭发送方向后返回 b""。
# ipclab:lesson 6.1
# ipclab:chapter en: Sockets
# ipclab:chapter zh: 套接字 socket

import socket
from multiprocessing import Process, Queue


def receive_all(conn):
    data = b""
    while True:
        # ipclab:explain en: recv() waits for bytes, returns at most 1024 of them, and returns b"" once the peer will send no more.
        # ipclab:explain zh: recv() 等待字节到达，最多返回 1024 个；对方不再发送后返回 b""。
        chunk = conn.recv(1024)
        if not chunk:
            return data
        data += chunk


def server(ports):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # ipclab:explain en: Port 0 asks the system for any free port; getsockname() tells which one it gave.
    # ipclab:explain zh: 0 号端口表示请系统任选一个空闲端口；getsockname() 告诉我们分到的是哪一个。
    listener.bind(("127.0.0.1", 0))
    # ipclab:explain en: From now on the system accepts connections on this port and queues them for accept().
    # ipclab:explain zh: 从现在起，系统在这个端口上接受连接，并排队等待 accept()。
    listener.listen(1)
    ports.put(listener.getsockname()[1])
    # ipclab:explain en: accept() waits for a client and returns a new socket for that one connection, and the client's address.
    # ipclab:explain zh: accept() 等待客户端连接，返回专用于这条连接的新套接字以及客户端的地址。
    conn, address = listener.accept()
    request = receive_all(conn).decode()
    print("server: request", repr(request), flush=True)
    # ipclab:explain en: sendall() sends every byte, calling send() as many times as needed.
    # ipclab:explain zh: sendall() 发送全部字节，需要几次 send() 就调用几次。
    conn.sendall(request.upper().encode())
    conn.close()
    listener.close()


def client(ports):
    # ipclab:explain en: The client cannot connect before it knows the port: get() waits until the server has put it.
    # ipclab:explain zh: 不知道端口，客户端就无法连接：get() 一直等到服务器把端口放进队列。
    port = ports.get()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # ipclab:explain en: connect() completes as soon as the server listens, even before it calls accept().
    # ipclab:explain zh: 只要服务器在监听，connect() 就会完成，即使服务器还没有调用 accept()。
    sock.connect(("127.0.0.1", port))
    sock.sendall(b"hello over tcp")
    # ipclab:explain en: Shutting down the sending side tells the server the request is complete; the client can still receive.
    # ipclab:explain zh: 关闭发送方向，告诉服务器请求已经完整；客户端仍然可以接收。
    # ipclab:question at=first en: Without this shutdown(), the server loops on recv() until it gets b"". What would happen?
    # ipclab:question at=first zh: 如果没有这次 shutdown()，服务器会一直循环调用 recv() 直到收到 b""。会发生什么？
    # ipclab:why en: A stream socket has no message boundaries: recv() returns b"" only when the other side shuts down its writing. Without shutdown() the server waits for more and the client waits for the reply.
    # ipclab:why zh: 流式套接字没有消息边界：只有对方关闭写方向时 recv() 才返回 b""。没有 shutdown() 的话，服务器等待更多数据，客户端等待回复。
    # ipclab:answer en: Nothing different: recv() returns b"" when the message is complete
    # ipclab:answer zh: 没有区别：消息完整时 recv() 就返回 b""
    # ipclab:answer* en: Both wait forever: the server for more bytes, the client for the reply
    # ipclab:answer* zh: 双方都永远等待：服务器等更多字节，客户端等答复
    # ipclab:answer en: The server raises ConnectionResetError
    # ipclab:answer zh: 服务器抛出 ConnectionResetError
    sock.shutdown(socket.SHUT_WR)
    reply = receive_all(sock).decode()
    sock.close()
    print("client: reply", repr(reply), flush=True)


if __name__ == "__main__":
    ports = Queue()
    processes = [Process(target=server, args=(ports,)), Process(target=client, args=(ports,))]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("exit codes:", [p.exitcode for p in processes])
