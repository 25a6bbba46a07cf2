# socketpair(): two connected sockets; a forked child inherits both, like any fd.
import os
import socket
from multiprocessing import Process


def child(parent_end, child_end):
    parent_end.close()
    msg = child_end.recv(100)
    child_end.sendall(b'child read ' + msg)
    child_end.close()


if __name__ == '__main__':
    a, b = socket.socketpair()
    p = Process(target=child, args=(a, b))
    p.start()
    b.close()
    a.sendall(b'hi')
    print(a.recv(100))
    print('eof:', a.recv(100))
    a.close()
    p.join()
    print(p.exitcode)
