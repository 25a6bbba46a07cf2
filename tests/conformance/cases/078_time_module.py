import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.02)
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
print(type(t0).__name__, type(m0).__name__, type(p0).__name__)
print(t1 >= t0, m1 >= m0, p1 >= p0)
print(p1 - p0 >= 0.015, m1 - m0 >= 0.015, p1 - p0 < 5.0)
print(t0 > 1600000000)
time.sleep(0)
start = time.perf_counter()
total = 0
for i in range(1000):
    total += i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0)
from time import sleep, perf_counter
a = perf_counter()
sleep(0.01)
print(perf_counter() - a > 0.005)
