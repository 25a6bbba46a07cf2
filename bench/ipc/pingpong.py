# Connection round trip: the parent sends a small message, the child sends it
# back; prints the mean round trip in microseconds.
import sys
import time
from multiprocessing import Pipe, Process

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20000


def echo(conn):
    while True:
        message = conn.recv_bytes()
        if message == b"stop":
            break
        conn.send_bytes(message)


if __name__ == "__main__":
    here, there = Pipe()
    p = Process(target=echo, args=(there,))
    p.start()
    payload = b"x" * 32
    for _ in range(200):  # warm up
        here.send_bytes(payload)
        here.recv_bytes()
    start = time.perf_counter()
    for _ in range(ROUNDS):
        here.send_bytes(payload)
        here.recv_bytes()
    elapsed = time.perf_counter() - start
    here.send_bytes(b"stop")
    p.join()
    print("round_trip_us", elapsed / ROUNDS * 1e6)
