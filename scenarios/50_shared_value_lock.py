# ipclab:title en: A shared Value: lost updates without its lock, none with it
# ipclab:title zh: 共享的 Value：不加锁会丢失更新，加锁就一个不丢
# ipclab:summary en: multiprocessing.Value and Array live in shared memory that every forked child sees, with no server process in between. But v.value += 1 is still a read and then a write: two processes interleave them and lose updates. Holding v.get_lock() around both keeps every one. Each worker also counts its own attempts in its own slot of an Array, which needs no lock.
# ipclab:summary zh: multiprocessing.Value 和 Array 位于共享内存中，每个 fork 出来的子进程都能看到，中间没有服务进程。但 v.value += 1 仍然是先读后写：两个进程交错执行就会丢失更新。在两步外面持有 v.get_lock()，就一个也不丢。每个工作进程还在 Array 中属于自己的槽位里记录自己尝试的次数，这不需要锁。
# ipclab:lesson 5.1
# ipclab:chapter en: Shared memory
# ipclab:chapter zh: 共享内存
# ipclab:varies without the lock: total = \d+ lost updates: (yes|none this time)

from multiprocessing import Array, Event, Process, Value

ROUNDS = 10000


def add_without_lock(go, total, tries, slot):
    go.wait()
    for _ in range(ROUNDS):
        # ipclab:explain en: A read of total.value, then a write of that value plus one. The other worker can write in between, and one of the two writes is lost.
        # ipclab:explain zh: 先读 total.value，再写回它加一。另一个工作进程可能在两步之间写入，于是两次写入中有一次丢失。
        # ipclab:question at=first en: Value has a lock of its own (lock=True by default). Is total.value += 1 safe without get_lock()?
        # ipclab:question at=first zh: Value 自带一把锁（默认 lock=True）。不调用 get_lock()，total.value += 1 安全吗？
        # ipclab:why en: The Value's own lock guards each single read and each single write. += is a read then a write: another process can read the same old value in between, and one addition is lost.
        # ipclab:why zh: Value 自带的锁只保护单次读和单次写。+= 是先读后写：另一个进程可能在中间读到同一个旧值，于是丢失一次加法。
        # ipclab:answer en: Yes: the built-in lock makes += atomic
        # ipclab:answer zh: 安全：自带的锁让 += 成为原子操作
        # ipclab:answer* en: No: the lock is taken for the read and again for the write, not around both
        # ipclab:answer* zh: 不安全：读的时候取一次锁，写的时候再取一次，而不是把两步一起锁住
        # ipclab:answer en: No: it raises an error when two processes write at once
        # ipclab:answer zh: 不安全：两个进程同时写时会抛出异常
        total.value += 1
        # ipclab:explain en: Each worker writes only its own slot of the Array: nobody else writes there, so no update is lost.
        # ipclab:explain zh: 每个工作进程只写 Array 中属于自己的槽位：没有别人写那里，所以不会丢失更新。
        tries[slot] += 1


def add_with_lock(go, total, tries, slot):
    go.wait()
    for _ in range(ROUNDS):
        # ipclab:explain en: get_lock() returns the Value's lock; holding it makes the read and the write one step.
        # ipclab:explain zh: get_lock() 返回 Value 的锁；持有它，读和写就成为一步。
        with total.get_lock():
            total.value += 1
        tries[slot] += 1


def run(target, total, tries):
    # ipclab:explain en: The children are forked: they inherit the same shared memory, not copies of it.
    # ipclab:explain zh: 子进程是 fork 出来的：它们继承的是同一块共享内存，而不是它的副本。
    go = Event()
    workers = [Process(target=target, args=(go, total, tries, slot)) for slot in range(2)]
    for w in workers:
        w.start()
    # ipclab:explain en: Both workers wait for this Event, so their loops start together and overlap.
    # ipclab:explain zh: 两个工作进程都在等待这个 Event，所以它们的循环同时开始、相互交错。
    go.set()
    for w in workers:
        w.join()


if __name__ == "__main__":
    # ipclab:explain en: A C int in shared memory, starting at 0, with a lock made for it.
    # ipclab:explain zh: 共享内存中的一个 C int，初值为 0，并配有一把锁。
    total = Value("i", 0)
    # ipclab:explain en: Two C ints in shared memory, both 0: one counter per worker.
    # ipclab:explain zh: 共享内存中的两个 C int，都是 0：每个工作进程一个计数器。
    tries = Array("i", 2)
    run(add_without_lock, total, tries)
    lost = sum(tries) - total.value
    print("without the lock: tries =", list(tries))
    print("without the lock: total =", total.value, "lost updates:", "yes" if lost > 0 else "none this time")
    total.value = 0
    tries[:] = [0, 0]
    run(add_with_lock, total, tries)
    print("with the lock: tries =", list(tries))
    print("with the lock: total =", total.value, "of", sum(tries))
