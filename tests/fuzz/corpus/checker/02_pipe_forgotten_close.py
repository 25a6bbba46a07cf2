# ipclab:title en: The forgotten close(): recv() waits forever
# ipclab:title zh: 忘记 close()：recv() 永远等待
# ipclab:summary en: The same program without the parent's sender.close(): the parent still holds a write end, so after the last message recv() can never see EOF and the run hangs. IPC Lab names who still holds the end.
# ipclab:summary zh: 同样的程序，但父进程没有调用 sender.close()：父进程自己仍持有写端，最后一条消息之后 recv() 永远等不到 EOF，程序挂起。IPC Lab 会指出是谁还持有这一端。
# ipclab:lesson 1.5
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe
# ipclab:expect hang

from multiprocessing import Pipe, Process


def child(conn):
    for word in ["one", "two", "three"]:
        conn.send(word)
    conn.close()


if __name__ == "__main__":
    receiver, sender = Pipe()
    p = Process(target=child, args=(sender,))
    p.start()
    # ipclab:explain en: The child got a copy of sender when it started; the parent still holds the original.
    # ipclab:explain zh: 子进程启动时得到了 sender 的一份副本；父进程仍然持有原来那一份。
    # The classic mistake: the parent forgets sender.close() here.
    while True:
        try:
            # ipclab:question en: The child has sent everything and closed its end. What does the next recv() do?
            # ipclab:question zh: 子进程已经发完并关闭了它的一端。下一次 recv() 会怎样？
            # ipclab:answer en: It raises EOFError
            # ipclab:answer zh: 抛出 EOFError
            # ipclab:answer* en: It waits forever: the parent itself still holds a write end
            # ipclab:answer* zh: 永远等待：父进程自己还持有一个写端
            # ipclab:answer en: It returns the last message again
            # ipclab:answer zh: 再次返回最后一条消息
            message = receiver.recv()
        except EOFError:
            print("EOFError")  # never reached: the parent's own copy keeps the pipe open
            break
        print("received", message, flush=True)
    p.join()
