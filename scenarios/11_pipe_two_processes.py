# ipclab:title en: A Pipe between two processes: ping and pong
# ipclab:title zh: 两个进程之间的 Pipe：一来一回
# ipclab:summary en: The parent makes the pipe before starting the child, so the child inherits both ends. The parent talks through one end, the child through the other; each recv() waits for the other side.
# ipclab:summary zh: 父进程在启动子进程之前创建管道，子进程因此继承了两端。父进程用一端通信，子进程用另一端；每次 recv() 都要等对方发送。
# ipclab:lesson 1.2
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe

from multiprocessing import Pipe, Process


def child(conn):
    # ipclab:explain en: The child blocks in recv() until the parent's message arrives.
    # ipclab:explain zh: 子进程阻塞在 recv() 中，直到父进程的消息到达。
    request = conn.recv()
    print("child got", request, flush=True)
    conn.send(request.upper())
    conn.close()


if __name__ == "__main__":
    # ipclab:explain en: Make the pipe before the Process: the child must inherit its end.
    # ipclab:explain zh: 必须在创建 Process 之前创建管道：子进程要继承它的那一端。
    parent_end, child_end = Pipe()
    p = Process(target=child, args=(child_end,))
    p.start()
    # ipclab:explain en: The parent uses parent_end; what it sends comes out of child_end in the child.
    # ipclab:explain zh: 父进程使用 parent_end；它发送的数据在子进程里从 child_end 出来。
    parent_end.send("ping")
    # ipclab:question at=first en: The parent calls recv() right after sending. What happens?
    # ipclab:question at=first zh: 父进程发送后立刻调用 recv()。会发生什么？
    # ipclab:why en: The parent's "ping" went to the child's end. The parent's own end only receives what the child sends, so recv() waits until the child's "PING" arrives.
    # ipclab:why zh: 父进程的 "ping" 去了子进程那一端。父进程自己的端只接收子进程发来的内容，所以 recv() 一直等到子进程的 "PING" 到达。
    # ipclab:answer en: It receives its own "ping" back
    # ipclab:answer zh: 它收回自己发出的 "ping"
    # ipclab:answer* en: It waits until the child sends "PING"
    # ipclab:answer* zh: 它一直等到子进程发来 "PING"
    # ipclab:answer en: It raises EOFError because the pipe is empty
    # ipclab:answer zh: 管道是空的，所以抛出 EOFError
    print("parent got", parent_end.recv())
    p.join()
