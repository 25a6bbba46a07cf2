# Pool: apply, apply_async, map, starmap, close/join, and the with statement.
import os
from multiprocessing import Pool, current_process


def square(x):
    return x * x


def add(a, b=0):
    return a + b


def whoami(_):
    return current_process().name.startswith('ForkPoolWorker-'), os.getpid() != MAIN


def fail(x):
    if x == 3:
        raise ValueError('three is not allowed')
    return x


def fill(shm, data):
    shm.buf[:len(data)] = data
    shm.close()
    return len(data)


MAIN = os.getpid()

if __name__ == '__main__':
    pool = Pool(2)
    print(pool.apply(square, (7,)))
    print(pool.apply(add, (1,), {'b': 2}))
    r = pool.apply_async(square, (12,))
    print(r.get(), r.ready(), r.successful())
    print(pool.map(square, range(10)))
    print(pool.starmap(add, [(1, 2), (3, 4)]))
    print(set(pool.map(whoami, range(4))))
    results = [pool.apply_async(add, (i, i)) for i in range(5)]
    print([res.get(timeout=10) for res in results])
    collected = []
    pool.apply_async(square, (3,), callback=collected.append).wait()
    try:
        pool.map(fail, range(5))
    except ValueError as e:
        print('ValueError', e)
    bad = pool.apply_async(fail, (3,))
    bad.wait()
    print(bad.successful())
    pool.close()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print('ValueError', e)
    pool.join()
    print(collected)

    with Pool(processes=3) as p:
        print(p.map(add, [1, 2, 3]))
    try:
        Pool(0)
    except ValueError as e:
        print('ValueError', e)
    p = Pool(1)
    try:
        p.join()
    except ValueError as e:
        print('ValueError', e)
    p.terminate()
    print('done')

    # A SharedMemory travels to a worker by name, as CPython pickles it.
    from multiprocessing import shared_memory
    shm = shared_memory.SharedMemory(create=True, size=4)
    with Pool(1) as p:
        print(p.apply(fill, (shm, b'pool')))
    print(bytes(shm.buf))
    shm.close()
    shm.unlink()
