# 400 threads that sleep: what each thread costs in resident memory.
import sys
import threading
import time

count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
threads = [threading.Thread(target=time.sleep, args=(0.5,)) for _ in range(count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads", count)
