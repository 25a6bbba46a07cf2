from multiprocessing import Pipe

a, b = Pipe()
for value in ['hello', 42, -7, 3.5, None, True, b'raw', [1, [2, 3]], (4, 'five'), {'k': [1, 2]}, '中文']:
    a.send(value)
    got = b.recv()
    print(repr(got), got == value, type(got).__name__)
b.send('back')
print(a.recv())
print(a.poll(), b.poll(0.01))
a.send('x')
print(b.poll(), b.poll(None), b.recv())
a.send_bytes(b'0123456789', 2, 5)
print(b.recv_bytes())
a.send_bytes(b'abc')
print(b.recv_bytes(10))
print(a.readable, a.writable, a.closed)
r, w = Pipe(duplex=False)
print(r.readable, r.writable, w.readable, w.writable)
w.send({'one': 1})
print(r.recv())
try:
    r.send('no')
except OSError as e:
    print('OSError', e)
try:
    w.recv()
except OSError as e:
    print('OSError', e)
w.close()
print(w.closed)
try:
    w.send(1)
except OSError as e:
    print('OSError', e)
try:
    r.recv()
except EOFError as e:
    print('EOFError', repr(e))
a.close()
b.close()
