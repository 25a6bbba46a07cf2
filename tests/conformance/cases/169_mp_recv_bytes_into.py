from multiprocessing import Pipe, BufferTooShort, ProcessError

a, b = Pipe()
buf = bytearray(10)
b.send_bytes(b"hello")
n = a.recv_bytes_into(buf)
print(n, buf, bytes(buf[:n]), len(buf))
b.send_bytes(b"world")
print(a.recv_bytes_into(buf, 5), buf)
b.send_bytes(b"too long for the buffer")
try:
    a.recv_bytes_into(buf)
except BufferTooShort as e:
    print("BufferTooShort", e.args[0], isinstance(e, ProcessError))
try:
    a.recv_bytes_into(buf, 11)
except ValueError as e:
    print("ValueError", e)
try:
    a.recv_bytes_into([1, 2])
except TypeError as e:
    print("TypeError", e)
ba = bytearray(b"abc")
ba[0] = 65
print(ba, list(ba), ba[-1], ba.decode(), 66 in ba, ba.hex(), bytearray([1, 2]), bytearray())
try:
    ba[0] = 256
except ValueError as e:
    print(e)
