import multiprocessing as mp
import os


def report(conn, tag):
    me = mp.current_process()
    conn.send((tag, me.name, os.getppid() == conn_parent_pid(), mp.active_children()))
    child_conn, grandchild_conn = mp.Pipe()
    g = mp.Process(target=grandchild, args=(grandchild_conn,))
    g.start()
    conn.send(child_conn.recv())
    g.join()


def grandchild(conn):
    conn.send(mp.current_process().name)


PARENT = os.getpid()


def conn_parent_pid():
    return PARENT


if __name__ == '__main__':
    print(mp.current_process().name, mp.get_start_method())
    a, b = mp.Pipe()
    ps = [mp.Process(target=report, args=(b, t)) for t in ('first', 'second')]
    named = mp.Process(target=report, args=(b, 'named'), name='worker-x', daemon=False)
    for p in ps + [named]:
        p.start()
        print(a.recv())
        print(a.recv())
        p.join()
    print([p.name for p in ps], named.name, named.daemon, len(mp.active_children()))
