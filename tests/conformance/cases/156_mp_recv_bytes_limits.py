from multiprocessing import Pipe

a, b = Pipe()
a.send_bytes(b'x' * 20)
try:
    b.recv_bytes(5)
except OSError as e:
    print('OSError', e)
print(b.readable)
r, w = Pipe(duplex=False)
w.send_bytes(b'y' * 20)
try:
    r.recv_bytes(3)
except OSError as e:
    print('OSError', e, r.closed)
for bad in [(-1,), (0, -1), (20,), (0, 5)]:
    try:
        a.send_bytes(b'abc', *bad)
    except ValueError as e:
        print('ValueError', e)
