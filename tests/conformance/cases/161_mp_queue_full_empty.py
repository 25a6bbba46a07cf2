import queue
from multiprocessing import Queue

q = Queue(3)
for item in 'abc':
    q.put(item)
print('full after 3 puts:', q.full())
try:
    q.put('d', timeout=0.1)
except queue.Full:
    print('put d: queue.Full after the timeout')
try:
    q.put_nowait('d')
except queue.Full:
    print('put_nowait d: queue.Full at once')
try:
    q.put('d', block=False)
except queue.Full as e:
    print('block=False: Full', repr(e))
print([q.get() for _ in range(3)])
try:
    q.get(timeout=0.1)
except queue.Empty:
    print('get: queue.Empty after the timeout')
try:
    q.get_nowait()
except queue.Empty:
    print('get_nowait: queue.Empty at once')
q.put(1)
print(q.get(True, 5))
q.close()
try:
    q.put(2)
except ValueError:
    print('put on a closed queue: ValueError')
q.join_thread()
print('joined')
