from multiprocessing import Pipe, Process


def child(conn):
    conn.close()


if __name__ == '__main__':
    r, w = Pipe(duplex=False)
    p = Process(target=child, args=(w,))
    p.start()
    w.close()
    p.join()
    print('waiting for a message that never comes')
    r.recv()
