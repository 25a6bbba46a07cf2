# ipclab:title en: Shared bytes: SharedMemory and an anonymous mmap
# ipclab:title zh: 共享的字节：SharedMemory 与匿名 mmap
# ipclab:summary en: A block of shared memory is raw bytes that two processes see at once: what a child writes there, the parent reads, with no message sent. SharedMemory has a name another process attaches to; mmap.mmap(-1, n) is anonymous and reaches only forked children. Nothing tells the reader when the bytes are ready: here join() does.
# ipclab:summary zh: 一块共享内存就是两个进程同时看到的原始字节：子进程写进去的，父进程就能读到，不需要发送任何消息。SharedMemory 有名字，其他进程可以按名字连接；mmap.mmap(-1, n) 是匿名的，只有 fork 出来的子进程能用。没有任何机制告诉读者数据何时准备好：这里靠 join()。
# ipclab:lesson 5.2
# ipclab:chapter en: Shared memory
# ipclab:chapter zh: 共享内存

import mmap
from multiprocessing import Process
from multiprocessing import shared_memory


def write_by_name(name):
    # ipclab:explain en: The child attaches to the existing block by its name: the same memory, not a copy.
    # ipclab:explain zh: 子进程按名字连接到已存在的内存块：是同一块内存，不是副本。
    shm = shared_memory.SharedMemory(name=name)
    # ipclab:explain en: A slice assignment writes the bytes straight into the shared block.
    # ipclab:explain zh: 切片赋值把字节直接写入共享内存块。
    shm.buf[0:5] = b"hello"
    # ipclab:explain en: close() detaches this process only; the block lives on until unlink().
    # ipclab:explain zh: close() 只断开本进程的连接；内存块一直存在，直到 unlink()。
    shm.close()


def write_anonymous(m):
    m.seek(0)
    m.write(b"from the child")


if __name__ == "__main__":
    # ipclab:explain en: A new block of 8 bytes, all zero, with a name the system chose.
    # ipclab:explain zh: 新建一个 8 字节的内存块，全为零，名字由系统选定。
    shm = shared_memory.SharedMemory(create=True, size=8)
    print("before:", bytes(shm.buf[:8]))
    p = Process(target=write_by_name, args=(shm.name,))
    p.start()
    # ipclab:explain en: join() is the only signal that the child has finished writing: shared memory itself sends none.
    # ipclab:explain zh: join() 是子进程写完的唯一信号：共享内存本身不会发出任何通知。
    p.join()
    # ipclab:question at=first en: The child wrote b"hello" into the block and exited. What does the parent read?
    # ipclab:question at=first zh: 子进程向内存块写入 b"hello" 后退出了。父进程读到什么？
    # ipclab:why en: SharedMemory maps the same pages into both processes: what the child wrote is in the parent's view too, and the block outlives the child until unlink().
    # ipclab:why zh: SharedMemory 把同样的内存页映射进两个进程：子进程写的内容在父进程的视图里也能看到，而且这块内存在 unlink() 之前比子进程活得更久。
    # ipclab:answer en: Eight zero bytes: the child wrote into its own copy
    # ipclab:answer zh: 八个零字节：子进程写的是它自己的副本
    # ipclab:answer* en: b"hello" and then three zero bytes: both processes see the same memory
    # ipclab:answer* zh: b"hello" 后面跟着三个零字节：两个进程看到的是同一块内存
    # ipclab:answer en: It raises FileNotFoundError: the child closed the block
    # ipclab:answer zh: 抛出 FileNotFoundError：子进程关闭了内存块
    print("after: ", bytes(shm.buf[:8]))
    shm.close()
    # ipclab:explain en: unlink() removes the block's name; do it once, in the process that created it.
    # ipclab:explain zh: unlink() 删除内存块的名字；只做一次，由创建它的进程来做。
    shm.unlink()

    # ipclab:explain en: An anonymous shared mapping of 16 bytes: no name, so only children forked after it can share it.
    # ipclab:explain zh: 16 字节的匿名共享映射：没有名字，只有在它之后 fork 出来的子进程才能共享。
    m = mmap.mmap(-1, 16)
    p = Process(target=write_anonymous, args=(m,))
    p.start()
    p.join()
    print("mmap:  ", m[:16])
    print("find:  ", m.find(b"child"))
    m.close()
