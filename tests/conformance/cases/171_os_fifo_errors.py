# What the os functions raise: the same exceptions and messages as CPython.
import os

os.mkfifo('f.fifo')
try:
    os.mkfifo('f.fifo')
except FileExistsError as e:
    print('FileExistsError', e)

try:
    os.open('missing.fifo', os.O_RDONLY)
except FileNotFoundError as e:
    print('FileNotFoundError', e)

# Nobody reads yet: a non-blocking write end cannot open.
try:
    os.open('f.fifo', os.O_WRONLY | os.O_NONBLOCK)
except OSError as e:
    print(type(e).__name__, e)

# A non-blocking read end opens at once, and reads nothing while no writer exists.
r = os.open('f.fifo', os.O_RDONLY | os.O_NONBLOCK)
print(os.read(r, 10))
w = os.open('f.fifo', os.O_WRONLY)
try:
    os.read(r, 10)
except BlockingIOError as e:
    print('BlockingIOError', e)
os.write(w, b'abc')
print(os.read(r, 2), os.read(r, 2))
os.close(w)
os.close(r)
try:
    os.read(r, 1)
except OSError as e:
    print('OSError', e)

try:
    os.write(1, 'text')
except TypeError as e:
    print('TypeError', e)

# A regular file, created and truncated.
fd = os.open('data.bin', os.O_RDWR | os.O_CREAT | os.O_TRUNC)
os.write(fd, b'0123456789')
os.ftruncate(fd, 4)
os.close(fd)
fd = os.open('data.bin', os.O_RDONLY)
print(os.read(fd, 100))
os.close(fd)

os.remove('f.fifo')
os.remove('data.bin')
try:
    os.remove('f.fifo')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
