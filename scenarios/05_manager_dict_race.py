# ipclab:title en: The Manager dict race: lost updates, and the Lock that keeps them
# ipclab:title zh: Manager 字典的竞争：丢失的更新，以及保住它们的锁
# ipclab:summary en: d["n"] += 1 on a managed dict is two round trips to the manager: a get, then a set. Two processes interleave them and lose updates. Holding a Lock around both keeps every one.
# ipclab:summary zh: 对 Manager 字典执行 d["n"] += 1 要与管理进程往返两次：先取值，再写回。两个进程交错执行就会丢失更新；在两步外面持有一把 Lock，就一个也不丢。
# ipclab:varies without a lock: n = \d+ lost updates: (yes|none this time)

from multiprocessing import Manager, Process

ROUNDS = 500


def add_without_lock(d):
    for _ in range(ROUNDS):
        d["n"] += 1  # get, then set: another process can get in between


def add_with_lock(d, lock):
    for _ in range(ROUNDS):
        with lock:
            d["n"] += 1


def run(target, args):
    workers = [Process(target=target, args=args) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    with Manager() as manager:
        d = manager.dict()
        d["n"] = 0
        run(add_without_lock, (d,))
        lost = 2 * ROUNDS - d["n"]
        print("without a lock: n =", d["n"], "lost updates:", "yes" if lost > 0 else "none this time")
        d["n"] = 0
        lock = manager.Lock()
        run(add_with_lock, (d, lock))
        print("with a lock: n =", d["n"], "of", 2 * ROUNDS)
