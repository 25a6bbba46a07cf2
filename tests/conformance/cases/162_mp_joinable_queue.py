from multiprocessing import JoinableQueue, Process


def worker(q, out):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.put(item * item)
        q.task_done()


if __name__ == '__main__':
    q = JoinableQueue()
    out = JoinableQueue()
    p = Process(target=worker, args=(q, out))
    p.start()
    for i in range(5):
        q.put(i)
    q.put(None)
    q.join()
    print('all tasks done')
    print(sorted(out.get() for _ in range(5)))
    p.join()
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError', e)
