# ipclab:title en: EOFError: the pipe is closed at every end
# ipclab:title zh: EOFError：管道的每一个写端都关闭了
# ipclab:summary en: A child sends three messages and closes its end; the parent closed its own copy first, so recv() raises EOFError once the pipe is drained.
# ipclab:summary zh: 子进程发送三条消息后关闭自己的一端；父进程事先关闭了自己那份副本，所以管道读空后 recv() 抛出 EOFError。
# ipclab:lesson 1.4
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe

from multiprocessing import Pipe, Process


def child(conn):
    for word in ["one", "two", "three"]:
        conn.send(word)
    # ipclab:explain en: The child closes its copy of the end: one of the two copies is gone.
    # ipclab:explain zh: 子进程关闭它那份端的副本：两份副本少了一份。
    conn.close()  # the child's copy of the write end


if __name__ == "__main__":
    receiver, sender = Pipe()
    p = Process(target=child, args=(sender,))
    p.start()
    # ipclab:explain en: The parent closes its copy of sender, the end it never uses: now only the child holds one.
    # ipclab:explain zh: 父进程关闭自己那份 sender（它从不使用这一端）：现在只有子进程还持有它。
    sender.close()  # the parent's copy: without this, recv() would wait forever
    while True:
        try:
            # ipclab:question at=raises en: recv() got all three words, and the child closed its end. What does this recv() do?
            # ipclab:question at=raises zh: recv() 收到了全部三个词，子进程也关闭了它的一端。这一次 recv() 会怎样？
            # ipclab:why en: recv() waits while a write end is open anywhere; once the pipe is drained and the last copy of the write end is closed, nothing can ever come, so it raises EOFError.
            # ipclab:why zh: 只要某处还有写端开着，recv() 就会等待；管道读空且写端的最后一份副本也关闭后，再也不会有数据到来，所以它抛出 EOFError。
            # ipclab:answer en: It returns None
            # ipclab:why en: recv() never returns None for a closed pipe: None could be a message someone sent.
            # ipclab:answer zh: 返回 None
            # ipclab:why zh: 对于已关闭的管道，recv() 从不返回 None：None 也可能是别人发送的一条消息。
            # ipclab:answer en: It waits forever
            # ipclab:why en: It would wait forever only if a copy of the write end were still open, as in the next lesson; here the parent closed its copy too.
            # ipclab:answer zh: 永远等待
            # ipclab:why zh: 只有写端还有副本开着时它才会永远等待，就像下一课那样；这里父进程也关闭了它那份。
            # ipclab:answer* en: It raises EOFError: every copy of the other end is closed
            # ipclab:answer* zh: 抛出 EOFError：另一端的每一份副本都已关闭
            message = receiver.recv()
        except EOFError:
            print("EOFError: every write end is closed, nothing more will come")
            break
        print("received", message)
    p.join()
    print("child exit code", p.exitcode)
