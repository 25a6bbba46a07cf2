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
            # ipclab:question en: The child sent three words and closed its end. What does the fourth recv() do?
            # ipclab:question zh: 子进程发送了三个词并关闭了它的一端。第四次 recv() 会怎样？
            # ipclab:answer en: It returns None
            # ipclab:answer zh: 返回 None
            # ipclab:answer en: It waits forever
            # ipclab:answer zh: 永远等待
            # ipclab:answer* en: It raises EOFError: every copy of the other end is closed
            # ipclab:answer* zh: 抛出 EOFError：另一端的每一份副本都已关闭
            message = receiver.recv()
        except EOFError:
            print("EOFError: every write end is closed, nothing more will come")
            break
        print("received", message)
    p.join()
    print("child exit code", p.exitcode)
