# A TCP socket between two processes on loopback: the server binds, listens
# and accepts; the forked client connects, sends and reads the echo.
import socket
from multiprocessing import Process


def client(port):
    # The client prints nothing (two processes' prints interleave): its exit code says
    # whether every echo came back.
    ok = True
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.connect(('127.0.0.1', port))
        for word in [b'ping', b'hello sockets']:
            s.sendall(word)
            ok = ok and s.recv(1024) == word.upper()
        s.sendall(b'bye')
    raise SystemExit(0 if ok else 1)


if __name__ == '__main__':
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('localhost', 0))
    server.listen(1)
    host, port = server.getsockname()
    print(host, isinstance(port, int) and port > 0)
    p = Process(target=client, args=(port,))
    p.start()
    conn, addr = server.accept()
    print('accepted from', addr[0])
    while True:
        data = conn.recv(1024)
        if data == b'bye':
            break
        print('server got', data)
        n = conn.send(data.upper())
        print('sent', n)
    print('after bye:', conn.recv(1024))
    conn.close()
    server.close()
    p.join()
    print('exit', p.exitcode)
