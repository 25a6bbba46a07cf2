# Value and Array reach a spawned child too (handed over, not copied): its writes are seen here.
import multiprocessing as mp


def work(total, cells):
    for _ in range(100):
        with total.get_lock():
            total.value += 1
    for i in range(len(cells)):
        cells[i] = cells[i] + 0.5


if __name__ == '__main__':
    mp.set_start_method('spawn')
    total = mp.Value('i', 0)
    cells = mp.Array('d', [1.0, 2.0])
    children = [mp.Process(target=work, args=(total, cells)) for _ in range(2)]
    for c in children:
        c.start()
    for c in children:
        c.join()
    print(total.value, cells[:], [c.exitcode for c in children])
