# The tutorial's Pool with a Manager's Queue: one task writes, the next reads. The workers'
# prints reach stdout when they end, after close(), before the parent's own output.
from multiprocessing import Pool, Manager
import time


def write(q):
    for value in ["A", "B", "C"]:
        print("Put %s to queue.." % value)
        q.put(value)
        time.sleep(0.01)


def read(q):
    while True:
        if not q.empty():
            value = q.get()
            print("Get %s to queue.." % value)
        else:
            break


if __name__ == '__main__':
    print("start")
    q = Manager().Queue()
    po = Pool(1)
    po.apply(write, (q,))
    po.apply(read, (q,))
    po.close()
    print("end")
