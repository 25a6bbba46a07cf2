# ipclab:title en: EOFError: the pipe is closed at every end
# ipclab:title zh: EOFError：管道的每一个写端都关闭了
# ipclab:summary en: A child sends three messages and closes its end; the parent closed its own copy first, so recv() raises EOFError once the pipe is drained.
# ipclab:summary zh: 子进程发送三条消息后关闭自己的一端；父进程事先关闭了自己那份副本，所以管道读空后 recv() 抛出 EOFError。

from multiprocessing import Pipe, Process


def child(conn):
    for word in ["one", "two", "three"]:
        conn.send(word)
    conn.close()  # the child's copy of the write end


if __name__ == "__main__":
    receiver, sender = Pipe()
    p = Process(target=child, args=(sender,))
    p.start()
    sender.close()  # the parent's copy: without this, recv() would wait forever
    while True:
        try:
            message = receiver.recv()
        except EOFError:
            print("EOFError: every write end is closed, nothing more will come")
            break
        print("received", message)
    p.join()
    print("child exit code", p.exitcode)
