import threading

counter = 0
lock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


workers = [threading.Thread(target=add, args=(1000,)) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print('counter', counter)
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError', e)
r = threading.RLock()
with r:
    with r:
        print('re-entered')
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError', e)
s = threading.BoundedSemaphore(2)
s.acquire()
s.release()
try:
    s.release()
except ValueError as e:
    print('ValueError', e)
e = threading.Event()
print(e.is_set(), e.wait(0.01))
t = threading.Thread(target=e.set)
t.start()
print(e.wait(5))
t.join()
cond = threading.Condition()
box = []


def producer():
    with cond:
        box.append('parcel')
        cond.notify()


with cond:
    threading.Thread(target=producer).start()
    while not box:
        cond.wait()
print(box)
