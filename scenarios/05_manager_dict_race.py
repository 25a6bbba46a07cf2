# ipclab:title en: The Manager dict race: lost updates, and the Lock that keeps them
# ipclab:title zh: Manager 字典的竞争：丢失的更新，以及保住它们的锁
# ipclab:summary en: d["n"] += 1 on a managed dict is two round trips to the manager: a get, then a set. Two processes interleave them and lose updates. Holding a Lock around both keeps every one.
# ipclab:summary zh: 对 Manager 字典执行 d["n"] += 1 要与管理进程往返两次：先取值，再写回。两个进程交错执行就会丢失更新；在两步外面持有一把 Lock，就一个也不丢。
# ipclab:lesson 4.1
# ipclab:chapter en: Sharing state with a Manager
# ipclab:chapter zh: 用 Manager 共享数据
# ipclab:varies without a lock: n = \d+ lost updates: (yes|none this time)

from multiprocessing import Manager, Process

ROUNDS = 500


def add_without_lock(d):
    for _ in range(ROUNDS):
        # ipclab:explain en: Two round trips to the manager: read n, then write n + 1. The other worker can do the same in between.
        # ipclab:explain zh: 与 Manager 往返两次：先读 n，再写 n + 1。另一个工作进程可能在两步之间做同样的事。
        d["n"] += 1  # get, then set: another process can get in between


def add_with_lock(d, lock):
    for _ in range(ROUNDS):
        # ipclab:explain en: The lock makes the get and the set one step: nobody else can update n in between.
        # ipclab:explain zh: 锁让读和写成为一步：中间没有人能更新 n。
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
        # ipclab:question at=first en: Both workers have added 1 to d["n"] 500 times each, without a lock. What n does this line print?
        # ipclab:question at=first zh: 两个工作进程各自对 d["n"] 加了 500 次 1，没有加锁。这一行打印的 n 是多少？
        # ipclab:why en: d["n"] += 1 is two requests to the manager: get n, then set n + 1. When the other worker gets in between, both write the same n + 1 and one of the two additions is lost.
        # ipclab:why zh: d["n"] += 1 是对 Manager 的两次请求：先读 n，再写 n + 1。另一个工作进程插在中间时，两者写入同一个 n + 1，两次加法丢了一次。
        # ipclab:answer en: Always 1000
        # ipclab:answer zh: 总是 1000
        # ipclab:answer* en: Often less than 1000: some updates are lost
        # ipclab:answer* zh: 常常小于 1000：有些更新丢失了
        # ipclab:answer en: More than 1000
        # ipclab:answer zh: 大于 1000
        print("without a lock: n =", d["n"], "lost updates:", "yes" if lost > 0 else "none this time")
        d["n"] = 0
        lock = manager.Lock()
        run(add_with_lock, (d, lock))
        print("with a lock: n =", d["n"], "of", 2 * ROUNDS)
