# A plain Queue cannot travel to a pool worker; a Manager's Queue can.
from multiprocessing import Pool, Queue, Manager


def writer(q, n):
    for i in range(n):
        q.put(i * 10)
    return 'wrote %d' % n


if __name__ == '__main__':
    pool = Pool(2)
    plain = Queue()
    result = pool.apply_async(writer, (plain, 3))
    try:
        result.get()
    except RuntimeError as e:
        print('RuntimeError:', e)

    manager = Manager()
    q = manager.Queue()
    print(pool.apply_async(writer, (q, 3)).get())
    print([q.get() for _ in range(3)])
    pool.close()
    pool.join()
    pool2 = Pool(1)
    pool2.apply(writer, (plain, 1))
