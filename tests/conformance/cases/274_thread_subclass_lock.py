# Thread subclasses sharing a Lock: a counter that loses nothing.
import threading
class Adder(threading.Thread):
    def __init__(self, shared, lock, times):
        super().__init__()
        self.shared = shared
        self.lock = lock
        self.times = times
    def run(self):
        for _ in range(self.times):
            with self.lock:
                self.shared["n"] += 1
shared = {"n": 0}
lock = threading.Lock()
threads = [Adder(shared, lock, 500) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared["n"], [t.name for t in threads], all(not t.is_alive() for t in threads))
