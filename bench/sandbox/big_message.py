# One 100 MB message from a child to its parent through a Pipe.
import multiprocessing as mp
import sys
import time

size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000


def child(conn):
    conn.send(b"x" * size)


if __name__ == "__main__":
    receiver, sender = mp.Pipe(duplex=False)
    p = mp.Process(target=child, args=(sender,))
    started = time.monotonic()
    p.start()
    data = receiver.recv()
    elapsed = time.monotonic() - started
    p.join()
    print("bytes", len(data))
    print("seconds", elapsed)
