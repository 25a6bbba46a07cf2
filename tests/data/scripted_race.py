# A lost update, scripted: Events force the order A reads, B reads, A writes, B
# writes, so every run loses the same update (python3 runs it too). Arguments:
# "dict" (a Manager dict, the default) or "value" (a shared Value), then "nolock"
# (the default) or "lock" (held around each read and write: B waits, reads A's
# write, nothing is lost).
import sys
from multiprocessing import Event, Manager, Process, Value


def read(shared):
    return shared["n"] if KIND == "dict" else shared.value


def write(shared, n):
    if KIND == "dict":
        shared["n"] = n
    else:
        shared.value = n


def first(shared, lock, a_read, b_read, a_wrote):
    if lock is not None:
        lock.acquire()
    n = read(shared)
    a_read.set()
    if lock is None:
        b_read.wait()
    write(shared, n + 1)
    a_wrote.set()
    if lock is not None:
        lock.release()


def second(shared, lock, a_read, b_read, a_wrote):
    a_read.wait()
    if lock is not None:
        lock.acquire()
    n = read(shared)
    b_read.set()
    if lock is None:
        a_wrote.wait()
    write(shared, n + 1)
    if lock is not None:
        lock.release()


def race(shared, lock):
    events = (Event(), Event(), Event())
    a = Process(target=first, name="A", args=(shared, lock) + events)
    b = Process(target=second, name="B", args=(shared, lock) + events)
    a.start()
    b.start()
    a.join()
    b.join()
    print("n =", read(shared))


KIND = sys.argv[1] if len(sys.argv) > 1 else "dict"

if __name__ == "__main__":
    locked = len(sys.argv) > 2 and sys.argv[2] == "lock"
    if KIND == "dict":
        with Manager() as manager:
            d = manager.dict()
            d["n"] = 1
            race(d, manager.Lock() if locked else None)
    else:
        v = Value("i", 1)
        race(v, v.get_lock() if locked else None)
