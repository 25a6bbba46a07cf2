from multiprocessing import Manager, Process


def add_unsafe(d, n):
    for _ in range(n):
        d['count'] += 1   # a get, then a set: two round trips to the manager


def add_safe(d, lock, n):
    for _ in range(n):
        with lock:
            d['count'] += 1


if __name__ == '__main__':
    with Manager() as m:
        d = m.dict()
        d['count'] = 0
        workers = [Process(target=add_unsafe, args=(d, 200)) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print('without a lock, at most 800:', d['count'] <= 800)
        d['count'] = 0
        lock = m.Lock()
        workers = [Process(target=add_safe, args=(d, lock, 200)) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print('with the lock:', d['count'])
        shared = m.list([1, 2])
        shared.append(3)
        print(len(shared), 3 in shared, shared[0], list(shared))
        v = m.Value('i', 5)
        v.value += 10
        print(v.value)
        print(sorted(d.keys()), d.get('missing', 'default'), 'count' in d, len(d))
        try:
            d['missing']
        except KeyError as e:
            print('KeyError', e)
        q = m.Queue()
        q.put('through the manager')
        print(q.get())
    print('manager shut down')
