# Generators in a child process and a thread: a producer feeding a Queue.
from multiprocessing import Process, Queue
import threading
def numbers(n):
    for i in range(n):
        yield i * 10
def producer(q):
    for x in numbers(3):
        q.put(x)
    q.put(None)
if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q,))
    p.start()
    print(list(iter(q.get, None)))
    p.join()
    results = []
    t = threading.Thread(target=lambda: results.extend(numbers(4)))
    t.start()
    t.join()
    print(results)
