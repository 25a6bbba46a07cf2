import queue
import threading

q = queue.Queue()
for x in [3, 1, 2]:
    q.put(x)
print([q.get() for _ in range(3)])
lifo = queue.LifoQueue()
for x in [3, 1, 2]:
    lifo.put(x)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for x in [(2, 'b'), (1, 'a'), (3, 'c'), (1, 'Z')]:
    pq.put(x)
print([pq.get() for _ in range(4)])
small = queue.Queue(2)
small.put(1)
small.put(2)
print(small.full(), small.qsize(), small.empty())
try:
    small.put(3, timeout=0.05)
except queue.Full:
    print('Full')
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print('Empty')

results = []
lock = threading.Lock()
q = queue.Queue()


def put_task(article):
    q.put(article)


def get_task():
    item = q.get()
    with lock:
        results.append(item)
    q.task_done()


threads = [threading.Thread(target=put_task, args=(a,)) for a in ['apple', 'pear', 'plum']]
threads += [threading.Thread(target=get_task) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
q.join()
print(sorted(results), threads[0].name, threading.current_thread().name)
try:
    q.task_done()
except ValueError as e:
    print('ValueError', e)
