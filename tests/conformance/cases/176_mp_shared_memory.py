# SharedMemory: one named segment, attached by name in a child; both see the same bytes.
from multiprocessing import Process
from multiprocessing import shared_memory


def child(name):
    shm = shared_memory.SharedMemory(name=name)
    data = bytes(shm.buf[:5])
    shm.buf[:5] = data.upper()
    shm.buf[5] = ord('!')
    shm.close()


if __name__ == '__main__':
    shm = shared_memory.SharedMemory(create=True, size=16)
    print(shm.size, shm.name.startswith('psm_'), len(shm.buf))
    shm.buf[:5] = b'hello'
    print(shm.buf[0], bytes(shm.buf[:6]))
    p = Process(target=child, args=(shm.name,))
    p.start()
    p.join()
    print(bytes(shm.buf[:6]), shm.buf[:6].tobytes(), shm.buf.tolist()[:3])
    try:
        shm.buf[:2] = b'abc'
    except ValueError as e:
        print('ValueError', e)
    try:
        shm.buf[0] = 256
    except ValueError as e:
        print('ValueError', e)
    try:
        shm.buf[16]
    except IndexError as e:
        print('IndexError', e)
    name = shm.name
    shm.close()
    print(shm.buf)
    shm.unlink()
    try:
        shared_memory.SharedMemory(name=name)
    except FileNotFoundError as e:
        print('FileNotFoundError', str(e).replace(name, 'NAME'))
    try:
        shared_memory.SharedMemory(create=True, size=0)
    except ValueError as e:
        print('ValueError', e)
    named = shared_memory.SharedMemory(name='ipclab_case_176', create=True, size=4)
    try:
        shared_memory.SharedMemory(name='ipclab_case_176', create=True, size=4)
    except FileExistsError as e:
        print('FileExistsError', e)
    other = shared_memory.SharedMemory(name='ipclab_case_176')
    named.buf[0] = 42
    print(other.buf[0], other.size)
    other.close()
    named.close()
    named.unlink()
