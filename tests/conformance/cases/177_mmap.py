# mmap: an anonymous shared mapping a forked child writes into, and a file-backed one.
import mmap
import os
from multiprocessing import Process


def child(m):
    m.seek(0)
    m.write(b'from child')
    m[10] = ord('!')


if __name__ == '__main__':
    m = mmap.mmap(-1, 16)
    print(len(m), m[:4])
    p = Process(target=child, args=(m,))
    p.start()
    p.join()
    print(m[:11], m[0], m.find(b'child'))
    m.seek(5)
    print(m.read(5), m.tell())
    try:
        m.write(b'x' * 20)
    except ValueError as e:
        print('ValueError', e)
    try:
        m[0:2] = b'abc'
    except IndexError as e:
        print('IndexError', e)
    m.close()
    print(m.closed)

    fd = os.open('data.bin', os.O_RDWR | os.O_CREAT | os.O_TRUNC)
    os.ftruncate(fd, 8)
    with mmap.mmap(fd, 8) as f:
        f[:4] = b'abcd'
        print(f.size(), f[:])
    os.close(fd)
    fd = os.open('data.bin', os.O_RDONLY)
    print(os.read(fd, 8))
    os.close(fd)
    os.remove('data.bin')
