# ipclab:title en: The Manager race fixed with an RLock
# ipclab:title zh: 用 RLock 修复 Manager 的竞争
# ipclab:summary en: A helper that takes the lock is called by code that already holds it. A plain Lock would wait for itself forever; an RLock lets the process that owns it take it again, and counts how many times it must be released.
# ipclab:summary zh: 一个会获取锁的辅助函数，被已经持有这把锁的代码调用。普通的 Lock 会永远等待自己；RLock 允许持有它的进程再次获取，并记录需要释放几次。
# ipclab:lesson 4.2
# ipclab:chapter en: Sharing state with a Manager
# ipclab:chapter zh: 用 Manager 共享数据

from multiprocessing import Manager, Process

ROUNDS = 100


def bump(d, lock, key):
    # ipclab:explain en: The same RLock a second time, by its owner: it is taken again at once.
    # ipclab:explain zh: 持有者第二次获取同一把 RLock：立即成功。
    with lock:
        d[key] += 1


def worker(d, lock):
    for _ in range(ROUNDS):
        # ipclab:question at=first en: The worker holds the lock and calls bump(), which takes it again. With an RLock, what happens?
        # ipclab:question at=first zh: 工作进程持有锁时调用 bump()，而 bump() 会再次获取它。如果是 RLock，会怎样？
        # ipclab:why en: An RLock remembers its owner and counts how often it was taken: the owner may take it again, and it is free once released as often. A plain Lock would deadlock here.
        # ipclab:why zh: RLock 记得它的持有者并记录被获取的次数：持有者可以再次获取，释放同样次数后它才空闲。普通 Lock 在这里会死锁。
        # ipclab:answer en: A deadlock: the process waits for itself
        # ipclab:answer zh: 死锁：进程在等待自己
        # ipclab:answer* en: It works: the owner may take an RLock again
        # ipclab:answer* zh: 没问题：持有者可以再次获取 RLock
        # ipclab:answer en: RuntimeError
        # ipclab:answer zh: 抛出 RuntimeError
        with lock:
            bump(d, lock, "n")
            bump(d, lock, "checks")


if __name__ == "__main__":
    with Manager() as manager:
        d = manager.dict()
        d["n"] = 0
        d["checks"] = 0
        # ipclab:explain en: manager.RLock(): a reentrant lock in the manager's server, shared by every worker.
        # ipclab:explain zh: manager.RLock()：位于 Manager 服务进程中的可重入锁，所有工作进程共享。
        lock = manager.RLock()
        workers = [Process(target=worker, args=(d, lock)) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print("n =", d["n"], "checks =", d["checks"], "of", 2 * ROUNDS)
