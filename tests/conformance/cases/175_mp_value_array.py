# Value and Array live in shared memory: a forked child's writes are seen by the parent.
from multiprocessing import Process, Value, Array


def add(counter, numbers, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1
    for i in range(len(numbers)):
        numbers[i] = numbers[i] * 2


def scale(ratio):
    ratio.value = ratio.value * 1.5


if __name__ == '__main__':
    counter = Value('i', 0)
    numbers = Array('i', [1, 2, 3, 4])
    zeros = Array('d', 3)
    ratio = Value('d', 2.0, lock=False)
    print(counter.value, numbers[:], zeros[:], len(numbers), ratio.value)
    workers = [Process(target=add, args=(counter, numbers, 500)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print('counter', counter.value)
    print('numbers', numbers[:], list(numbers), numbers[-1], numbers[1:3])
    p = Process(target=scale, args=(ratio,))
    p.start()
    p.join()
    print('ratio', ratio.value)
    numbers[0] = 7
    numbers[1:3] = [8, 9]
    print(numbers[:], sum(numbers))
    print(counter, ratio)
    lock = counter.get_lock()
    with lock:
        counter.value = 2 ** 31   # wraps as a C int does
    print(counter.value)
    b = Value('b', 130)
    print(b.value)
    try:
        numbers[4]
    except IndexError as e:
        print('IndexError', e)
    try:
        counter.value = 1.5
    except TypeError as e:
        print('TypeError', e)
    try:
        ratio.get_lock()
    except AttributeError as e:
        print('AttributeError', e)
