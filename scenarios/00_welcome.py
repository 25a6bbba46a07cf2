# IPC Lab — welcome: a buffer between a producer and a consumer.
# This first lesson runs in one process; the next ones move the buffer into
# a real pipe between processes. It runs unchanged under python3 too.

import time

BUFFER_SIZE = 3


def produce(buffer, item):
    if len(buffer) >= BUFFER_SIZE:
        print(f"producer: buffer full ({len(buffer)}/{BUFFER_SIZE}), {item!r} must wait")
        return False
    buffer.append(item)
    print(f"producer: put {item!r} -> {buffer}")
    return True


def consume(buffer):
    if not buffer:
        print("consumer: buffer empty, nothing to get")
        return None
    item = buffer.pop(0)
    print(f"consumer: got {item!r} <- {buffer}")
    return item


if __name__ == '__main__':
    buffer = []
    pending = ['a', 'b', 'c', 'd', 'e']
    received = []
    started = time.monotonic()
    while pending or buffer:
        # The producer is faster than the consumer: two puts for every get.
        for _ in range(2):
            if pending and produce(buffer, pending[0]):
                pending.pop(0)
        item = consume(buffer)
        if item is not None:
            received.append(item)
    assert received == ['a', 'b', 'c', 'd', 'e'], received
    print("first in, first out:", ''.join(received))
