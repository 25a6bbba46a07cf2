from multiprocessing import Process, Pipe


def worker(conn):
    while True:
        msg = conn.recv()
        if msg == 'quit':
            conn.send('bye')
            break
        conn.send(msg.upper())
    conn.close()


if __name__ == '__main__':
    parent, child = Pipe()
    p = Process(target=worker, args=(child,))
    print(p.name, p.is_alive(), p.exitcode, p.pid)
    p.start()
    for word in ['helloworld', 'testmsg', 'quit']:
        parent.send(word)
        print('reply:', parent.recv())
    p.join()
    print(p.is_alive(), p.exitcode, isinstance(p.pid, int))
