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
            # ipclab:question at=hangs en: The child has sent everything and closed its end, and recv() got all three words. What does the next recv() do?
            # ipclab:question at=hangs zh: 子进程已经发完并关闭了它的一端，recv() 也收到了全部三个词。下一次 recv() 会怎样？
            # ipclab:why en: EOF needs every copy of the write end closed. The child closed its copy, but the parent never called sender.close(): its own copy keeps the pipe open, so recv() waits for a message that can only come from itself.
            # ipclab:why zh: EOF 需要写端的每一份副本都关闭。子进程关闭了它那份，但父进程从未调用 sender.close()：它自己的那份让管道保持打开，所以 recv() 在等一条只可能来自它自己的消息。
            # ipclab:answer en: It raises EOFError
            # ipclab:why en: EOFError needs every copy of the write end closed, and the parent's copy is still open.
            # ipclab:answer zh: 抛出 EOFError
            # ipclab:why zh: EOFError 要求写端的每一份副本都关闭，而父进程那份还开着。
            # ipclab:answer* en: It waits forever: the parent itself still holds a write end
            # ipclab:answer* zh: 永远等待：父进程自己还持有一个写端
            # ipclab:answer en: It returns the last message again
            # ipclab:why en: A pipe hands each message out once; nothing is received twice.
            # ipclab:answer zh: 再次返回最后一条消息
            # ipclab:why zh: 管道中的每条消息只会被取出一次；不会收到两次。
            message = receiver.recv()
        except EOFError:
            print("EOFError")  # never reached: the parent's own copy keeps the pipe open
            break
        print("received", message, flush=True)
    p.join()
