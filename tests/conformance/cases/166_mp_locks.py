from multiprocessing import Lock, Process, Queue, Semaphore, Event


def report(lock, q, tag):
    with lock:
        q.put(tag + ' in')
        q.put(tag + ' out')


def waiter(ev, q):
    ev.wait()
    q.put('event seen')


if __name__ == '__main__':
    lock = Lock()
    q = Queue()
    ps = [Process(target=report, args=(lock, q, t)) for t in 'AB']
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    lines = [q.get() for _ in range(4)]
    # Each process's in/out pair is never interleaved with the other's.
    print(lines[0][0] == lines[1][0], lines[2][0] == lines[3][0], sorted(lines))
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print('ValueError', e)
    s = Semaphore(2)
    print(s.get_value(), s.acquire(), s.get_value())
    ev = Event()
    p = Process(target=waiter, args=(ev, q))
    p.start()
    ev.set()
    print(q.get())
    p.join()
