# The tutorial's shared memory with mmap, on Linux: the parent maps anonymous shared
# memory before forking (tagname is Windows-only), a writer fills it, the parent reads it.
import contextlib
import mmap
import time
from multiprocessing import Process, Event


def writer(mem, written):
    for share_data in ("Hello", "Alpha_Panda"):
        mem.seek(0)
        mem.write(str.encode(share_data))
        mem.flush()
    written.set()


if __name__ == '__main__':
    with contextlib.closing(mmap.mmap(-1, 1024, access=mmap.ACCESS_WRITE)) as mem:
        written = Event()
        p = Process(target=writer, args=(mem, written))
        p.start()
        written.wait()
        p.join()
        mem.seek(0)
        data = mem.read(1024).replace(b'\x00', b'')
        print("Get data:== %s == from share memory!" % data.decode())
    print(mem.closed)
    try:
        mmap.mmap(-1, 1024, tagname='cnblogs')
    except TypeError as e:
        print('TypeError', e)
    ro = mmap.mmap(-1, 4, access=mmap.ACCESS_READ)
    try:
        ro.write(b'x')
    except TypeError as e:
        print('TypeError', e)
    try:
        ro[0] = 1
    except TypeError as e:
        print('TypeError', e)
    print(ro[:], mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
    ro.close()
