from multiprocessing import Process, SimpleQueue


def child(q):
    q.put(('from child', [1, 2, 3]))


if __name__ == '__main__':
    q = SimpleQueue()
    print(q.empty())
    p = Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(q.empty())
    q.put({'x': 1})
    print(q.empty(), q.get())
    q.close()
