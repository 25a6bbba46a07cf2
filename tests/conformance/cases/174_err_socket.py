# Socket errors, as CPython raises them.
import socket

# Nobody listens on this port: find a free one, then close it.
probe = socket.socket()
probe.bind(('127.0.0.1', 0))
port = probe.getsockname()[1]
probe.close()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.connect(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print('ConnectionRefusedError', e)
s.close()
try:
    s.recv(10)
except OSError as e:
    print('OSError', e)

a = socket.socket()
a.bind(('127.0.0.1', 0))
a.listen()
b = socket.socket()
try:
    b.bind(a.getsockname())
except OSError as e:
    print('OSError', e)
try:
    b.bind('127.0.0.1')
except TypeError as e:
    print('TypeError', e)
try:
    b.sendall('text')
except TypeError as e:
    print('TypeError', e)
a.close()
b.close()

s = socket.socket()
s.connect(('localhost', port))
