# ipclab:title en: Welcome: a buffer between a producer and a consumer
# ipclab:title zh: 欢迎：生产者与消费者之间的缓冲区
# ipclab:summary en: One process, one list used as a buffer of three places: the producer waits when it is full, the consumer finds nothing when it is empty. The next lessons put this buffer into a real pipe between processes.
# ipclab:summary zh: 只有一个进程，用一个列表当作有三个位置的缓冲区：满了生产者就得等，空了消费者就取不到东西。后面的课程会把这个缓冲区换成进程之间真正的管道。
# ipclab:lesson 0.1
# ipclab:chapter en: Welcome
# ipclab:chapter zh: 欢迎
# IPC Lab — welcome: a buffer between a producer and a consumer.
# This first lesson runs in one process; the next ones move the buffer into
# a real pipe between processes. It runs unchanged under python3 too.

import time

BUFFER_SIZE = 3


def produce(buffer, item):
    # ipclab:explain en: A full buffer: the producer cannot add more until the consumer takes something.
    # ipclab:explain zh: 缓冲区满了：消费者取走一些之前，生产者不能再放。
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
    # ipclab:explain en: pop(0) takes the oldest item: first in, first out, as a pipe or a queue does.
    # ipclab:explain zh: pop(0) 取出最早的元素：先进先出，和管道、队列一样。
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
    # ipclab:question at=first en: In what order did the consumer receive the five letters?
    # ipclab:question at=first zh: 消费者按什么顺序收到这五个字母？
    # ipclab:why en: A Queue is a pipe with a buffer in front: items go through it one after the other, so they come out in the order they were put in.
    # ipclab:why zh: Queue 是一条前面带缓冲区的管道：元素依次通过它，所以取出的顺序就是放入的顺序。
    # ipclab:answer* en: a b c d e: the order they were produced
    # ipclab:answer* zh: a b c d e：和生产的顺序一样
    # ipclab:answer en: e d c b a: the newest first
    # ipclab:answer zh: e d c b a：最新的先出
    # ipclab:answer en: It depends on timing
    # ipclab:answer zh: 取决于时机
    print("first in, first out:", ''.join(received))
