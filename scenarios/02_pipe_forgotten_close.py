# ipclab:title en: The forgotten close(): recv() waits forever
# ipclab:title zh: 忘记 close()：recv() 永远等待
# ipclab:summary en: The same program without the parent's sender.close(): the parent still holds a write end, so after the last message recv() can never see EOF and the run hangs. IPC Lab names who still holds the end.
# ipclab:summary zh: 同样的程序，但父进程没有调用 sender.close()：父进程自己仍持有写端，最后一条消息之后 recv() 永远等不到 EOF，程序挂起。IPC Lab 会指出是谁还持有这一端。
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
    # The classic mistake: the parent forgets sender.close() here.
    while True:
        try:
            message = receiver.recv()
        except EOFError:
            print("EOFError")  # never reached: the parent's own copy keeps the pipe open
            break
        print("received", message, flush=True)
    p.join()
