from multiprocessing import Process


def fail(n):
    return [1, 2][n]


if __name__ == '__main__':
    p = Process(target=fail, args=(5,))
    p.start()
    p.join()
    print('exitcode', p.exitcode)
    print('parent carries on')
    raise_in_child = Process(target=fail, kwargs={'n': 0})
    raise_in_child.start()
    raise_in_child.join()
    print('exitcode', raise_in_child.exitcode)
