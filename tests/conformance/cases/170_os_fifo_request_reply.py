# Two named pipes as a request/reply channel between two processes.
import os
from multiprocessing import Process

REQ = 'req.fifo'
REP = 'rep.fifo'


def server():
    fd_in = os.open(REQ, os.O_RDONLY)   # waits for the client to open the write end
    fd_out = os.open(REP, os.O_WRONLY)
    while True:
        data = os.read(fd_in, 100)
        if not data or data == b'quit':
            break
        os.write(fd_out, data.upper())
    os.close(fd_in)
    os.close(fd_out)


if __name__ == '__main__':
    for path in (REQ, REP):
        if os.path.exists(path):
            os.remove(path)
        os.mkfifo(path)
    print(os.path.exists(REQ), os.path.exists('nothing.fifo'))
    p = Process(target=server)
    p.start()
    fd_out = os.open(REQ, os.O_WRONLY)
    fd_in = os.open(REP, os.O_RDONLY)
    for word in [b'hello', b'named', b'pipes']:
        n = os.write(fd_out, word)
        reply = os.read(fd_in, 100)
        print(n, reply)
    os.write(fd_out, b'quit')
    os.close(fd_out)
    print('end of file:', os.read(fd_in, 100))
    os.close(fd_in)
    p.join()
    print('exit', p.exitcode)
    os.remove(REQ)
    os.unlink(REP)
    print(os.path.exists(REQ), os.path.exists(REP))
