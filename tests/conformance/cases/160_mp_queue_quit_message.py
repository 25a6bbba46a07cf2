from multiprocessing import Process, Queue


def consumer(q, results):
    while True:
        msg = q.get()
        if msg == 'quit':
            results.put('consumer done')
            break
        results.put(msg.upper())


if __name__ == '__main__':
    q = Queue()
    results = Queue()
    p = Process(target=consumer, args=(q, results))
    p.start()
    for cmd in ['helloworld', 'testmsg', 'quit']:
        q.put(cmd)
    for _ in range(3):
        print(results.get())
    p.join()
    print('exitcode', p.exitcode)
