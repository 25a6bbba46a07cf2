from multiprocessing import Process, Pipe


def producer(r, w):
    r.close()
    for i in range(3):
        w.send(i)
    w.close()


if __name__ == '__main__':
    r, w = Pipe(duplex=False)
    p = Process(target=producer, args=(r, w))
    p.start()
    w.close()  # the parent's copy of the write end: without this, recv() would hang
    received = []
    while True:
        try:
            received.append(r.recv())
        except EOFError:
            print('EOFError: every write end is closed')
            break
    p.join()
    print(received, p.exitcode)
