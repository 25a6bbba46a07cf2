<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogueList</name>
    <message>
        <source>More lessons</source>
        <translation>更多课程</translation>
    </message>
    <message>
        <source>Chapter %1 · %2</source>
        <translation>第 %1 章 · %2</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>pid %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>The run starts.</source>
        <translation>运行开始。</translation>
    </message>
    <message>
        <source>The run ends.</source>
        <translation>运行结束。</translation>
    </message>
    <message>
        <source>%1 starts (pid %2).</source>
        <translation>%1 启动（pid %2）。</translation>
    </message>
    <message>
        <source>%1 exits with code %2.</source>
        <translation>%1 退出，退出码为 %2。</translation>
    </message>
    <message>
        <source>%1 starts %2: a real fork().</source>
        <translation>%1 启动 %2：一次真正的 fork()。</translation>
    </message>
    <message>
        <source>%1 waits in join() for %2.</source>
        <translation>%1 在 join() 中等待 %2。</translation>
    </message>
    <message>
        <source>%1 creates a pipe: two connected ends.</source>
        <translation>%1 创建一条管道：两个相连的端。</translation>
    </message>
    <message>
        <source>%1&apos;s feeder thread sleeps: its buffer is empty.</source>
        <translation>%1 的 feeder 线程休眠：缓冲区是空的。</translation>
    </message>
    <message>
        <source>%1&apos;s feeder thread wakes up.</source>
        <translation>%1 的 feeder 线程被唤醒。</translation>
    </message>
    <message>
        <source>The feeder pickles the item: %1 bytes.</source>
        <translation>feeder 线程把元素 pickle 成 %1 字节。</translation>
    </message>
    <message>
        <source>The feeder writes %1 bytes into the queue&apos;s pipe.</source>
        <translation>feeder 线程把 %1 字节写进队列的管道。</translation>
    </message>
    <message>
        <source>%1: uncaught %2: %3</source>
        <translation>%1：未捕获的 %2：%3</translation>
    </message>
    <message>
        <source>%1 runs line %2.</source>
        <translation>%1 执行第 %2 行。</translation>
    </message>
    <message>
        <source>%1 sleeps.</source>
        <translation>%1 睡眠。</translation>
    </message>
    <message>
        <source>%1 sends the bytes %2 as they are, no pickle (%3 bytes with the length prefix).</source>
        <translation>%1 原样发送字节 %2，不做 pickle（连同长度前缀共 %3 字节）。</translation>
    </message>
    <message>
        <source>%1 calls task_done(): every task is done, join() can return.</source>
        <translation>%1 调用 task_done()：所有任务都完成了，join() 可以返回。</translation>
    </message>
    <message>
        <source>%1 calls task_done(): one task fewer to wait for.</source>
        <translation>%1 调用 task_done()：需要等待的任务少了一个。</translation>
    </message>
    <message>
        <source>%1 waits in join() until every item put is marked done.</source>
        <translation>%1 在 join() 中等待，直到放入的每个元素都被标记为完成。</translation>
    </message>
    <message>
        <source>%1 starts the thread %2.</source>
        <translation>%1 启动线程 %2。</translation>
    </message>
    <message>
        <source>%1: %2 raises %3.</source>
        <translation>%1：%2 抛出 %3。</translation>
    </message>
    <message>
        <source>%1 calls %2.</source>
        <translation>%1 调用 %2。</translation>
    </message>
    <message>
        <source>%1: %2 returns.</source>
        <translation>%1：%2 返回。</translation>
    </message>
    <message>
        <source>%1&apos;s feeder thread takes the oldest item out of the buffer.</source>
        <translation>%1 的 feeder 线程从缓冲区取出最早的元素。</translation>
    </message>
    <message>
        <source>%1 reads the queue&apos;s pipe: it waits until a whole message is there.</source>
        <translation>%1 读取队列的管道：一直等到一条完整的消息到达。</translation>
    </message>
    <message>
        <source>%1 waits for its turn, about to call the manager: %2</source>
        <translation>%1 等待轮到它，即将调用管理进程：%2</translation>
    </message>
    <message>
        <source>%1 waits for its turn: it took a slot of the queue&apos;s semaphore, and %2 is not in the buffer yet.</source>
        <translation>%1 等待轮到它：它已占用队列信号量的一个名额，%2 还没有进入缓冲区。</translation>
    </message>
    <message>
        <source>%1&apos;s feeder thread waits for its turn, about to write an item into the pipe.</source>
        <translation>%1 的 feeder 线程等待轮到它，即将把一个数据写入管道。</translation>
    </message>
    <message>
        <source>%1 stops at the breakpoint on line %2.</source>
        <translation>%1 停在第 %2 行的断点上。</translation>
    </message>
    <message>
        <source>%1 waits for its turn before line %2.</source>
        <translation>%1 在第 %2 行之前等待轮到它。</translation>
    </message>
    <message>
        <source>%1 takes a step.</source>
        <translation>%1 走了一步。</translation>
    </message>
    <message>
        <source>%1: %2…</source>
        <translation>%1：%2……</translation>
    </message>
    <message>
        <source>%1: %2, done.</source>
        <translation>%1：%2，完成。</translation>
    </message>
    <message>
        <source>%1: %2 failed.</source>
        <translation>%1：%2 失败。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>%1 prints: %2</source>
        <translation>%1 输出：%2</translation>
    </message>
    <message>
        <source>%1: %2 is unbounded, so put() never waits for a free slot.</source>
        <translation>%1：%2 没有容量上限，所以 put() 从不等待空位。</translation>
    </message>
    <message>
        <source>%1: put() waits for a free slot of %2 (%3 of %4 free).</source>
        <translation>%1：put() 等待 %2 的空位（%4 个中空 %3 个）。</translation>
    </message>
    <message>
        <source>%1 takes a slot of %2: %3 of %4 free now.</source>
        <translation>%1 占用了 %2 的一个空位：现在 %4 个中空 %3 个。</translation>
    </message>
    <message>
        <source>%1 gives a slot of %2 back: %3 of %4 free now.</source>
        <translation>%1 归还了 %2 的一个空位：现在 %4 个中空 %3 个。</translation>
    </message>
    <message>
        <source>the read lock of %1</source>
        <translation>%1 的读锁</translation>
    </message>
    <message>
        <source>the write lock of %1</source>
        <translation>%1 的写锁</translation>
    </message>
    <message>
        <source>%1 asks for %2.</source>
        <translation>%1 请求获得%2。</translation>
    </message>
    <message>
        <source>%1 holds %2.</source>
        <translation>%1 持有%2。</translation>
    </message>
    <message>
        <source>%1 releases %2.</source>
        <translation>%1 释放%2。</translation>
    </message>
    <message>
        <source>%1 holds %2 now.</source>
        <translation>%1 现在持有 %2。</translation>
    </message>
    <message>
        <source>%1 acquired %2: its value is %3 now.</source>
        <translation>%1 获取了 %2：它的值现在是 %3。</translation>
    </message>
    <message>
        <source>%1 releases %2: it is free now.</source>
        <translation>%1 释放了 %2：它现在空闲。</translation>
    </message>
    <message>
        <source>%1 releases %2: its value is %3 now.</source>
        <translation>%1 释放了 %2：它的值现在是 %3。</translation>
    </message>
    <message>
        <source>%1 calls %2: %3 bytes with the length prefix.</source>
        <translation>%1 调用 %2：连同长度前缀共 %3 字节。</translation>
    </message>
    <message>
        <source>%1 calls %2: it waits until a message arrives.</source>
        <translation>%1 调用 %2：它一直等到有消息到达。</translation>
    </message>
    <message>
        <source>%1: %2 returns %3.</source>
        <translation>%1：%2 返回 %3。</translation>
    </message>
    <message>
        <source>%1: %2 raises %3: every sending end is closed and the pipe is empty.</source>
        <translation>%1：%2 抛出 %3：所有发送端都已关闭，管道也空了。</translation>
    </message>
    <message>
        <source>%1 calls %2: it closes its own copy of that end.</source>
        <translation>%1 调用 %2：关闭自己持有的那份端。</translation>
    </message>
    <message>
        <source>%1 creates a %2 of at most %3 items: a pipe, a read lock, a write lock and a semaphore of %3 slots.</source>
        <translation>%1 创建一个最多容纳 %3 个元素的 %2：一个管道、一个读锁、一个写锁，以及一个有 %3 个空位的信号量。</translation>
    </message>
    <message>
        <source>%1 creates an unbounded %2: a pipe, a read lock and a write lock.</source>
        <translation>%1 创建一个没有容量上限的 %2：一个管道、一个读锁和一个写锁。</translation>
    </message>
    <message>
        <source>%1: %2 raises queue.%3: no slot became free in time.</source>
        <translation>%1：%2 抛出 queue.%3：在限定时间内没有空出位置。</translation>
    </message>
    <message>
        <source>%1 appends %2 to its buffer of %3 and wakes its feeder thread; put() returns.</source>
        <translation>%1 把 %2 加入它在 %3 上的缓冲区，并唤醒送料线程；put() 返回。</translation>
    </message>
    <message>
        <source>%1 calls %2: it takes the read lock and reads the pipe.</source>
        <translation>%1 调用 %2：它获取读锁，然后读管道。</translation>
    </message>
    <message>
        <source>%1 goes on.</source>
        <translation>%1 继续执行。</translation>
    </message>
    <message>
        <source>%1 asks the manager&apos;s server for the shared object&apos;s %2 — a round trip to another process.</source>
        <translation>%1 请管理器的服务器执行共享对象的 %2——往返另一个进程一次。</translation>
    </message>
    <message>
        <source>%1: the manager answers %2.</source>
        <translation>%1：管理器答复 %2。</translation>
    </message>
    <message>
        <source>The manager did %1; the shared object is now %2.</source>
        <translation>管理器执行了 %1；共享对象现在是 %2。</translation>
    </message>
    <message>
        <source>%1: %2 returns the bytes %3.</source>
        <translation>%1：%2 返回字节 %3。</translation>
    </message>
    <message>
        <source>%1 calls %2: is there something to read?</source>
        <translation>%1 调用 %2：有没有可读的内容？</translation>
    </message>
    <message>
        <source>%1: %2 returns True: recv() would not wait now.</source>
        <translation>%1：%2 返回 True：现在调用 recv() 不会等待。</translation>
    </message>
    <message>
        <source>%1: %2 returns False: nothing to read yet.</source>
        <translation>%1：%2 返回 False：还没有可读的内容。</translation>
    </message>
    <message>
        <source>%1 has read a whole message (%2 bytes) from the pipe of %3.</source>
        <translation>%1 从 %3 的管道读出了一条完整的消息（%2 字节）。</translation>
    </message>
    <message>
        <source>%1 calls %2: this process will put nothing more.</source>
        <translation>%1 调用 %2：这个进程不会再放入任何元素。</translation>
    </message>
    <message>
        <source>%1 names it %2.</source>
        <translation>%1 把它命名为 %2。</translation>
    </message>
</context>
<context>
    <name>ExportWords</name>
    <message>
        <source>The program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Question (line %1): %2</source>
        <translation>问题（第 %1 行）：%2</translation>
    </message>
    <message>
        <source>At the end of the run</source>
        <translation>运行结束时</translation>
    </message>
</context>
<context>
    <name>LiveScheduler</name>
    <message>
        <source>The race needs two worker processes that write to a Manager dict.</source>
        <translation>演示竞争需要两个写同一个 Manager 字典的工作进程。</translation>
    </message>
    <message>
        <source>The race needs %1 and %2 running.</source>
        <translation>演示竞争需要 %1 和 %2 都在运行。</translation>
    </message>
    <message>
        <source>%1 cannot go on to its write.</source>
        <translation>%1 无法继续执行到它的写入。</translation>
    </message>
    <message>
        <source>Neither %1 nor %2 can go on.</source>
        <translation>%1 和 %2 都无法继续。</translation>
    </message>
    <message>
        <source>%1 cannot take a step: it is not running.</source>
        <translation>%1 无法走一步：它没有在运行。</translation>
    </message>
    <message>
        <source>%1 cannot take a step: it is blocked in a call.</source>
        <translation>%1 无法走一步：它阻塞在一个调用里。</translation>
    </message>
    <message>
        <source>No thread can take a step.</source>
        <translation>没有线程可以走一步。</translation>
    </message>
</context>
<context>
    <name>LostUpdates</name>
    <message>
        <source>%1 wrote %2</source>
        <translation>%1 写入 %2</translation>
    </message>
    <message>
        <source>%1 read %2</source>
        <translation>%1 读到 %2</translation>
    </message>
    <message>
        <source>one update lost</source>
        <translation>丢失了一次更新</translation>
    </message>
    <message>
        <source>%1 updates lost</source>
        <translation>丢失了 %1 次更新</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>The reference %1 is missing from this build.</source>
        <translation>这个版本缺少参考文档 %1。</translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <source>The run hangs: no process has made progress for %1 s.</source>
        <translation>运行挂起了：已经 %1 秒没有任何进程取得进展。</translation>
    </message>
    <message>
        <source>The run took longer than its time limit of %1 s and was stopped.</source>
        <translation>运行超过了 %1 秒的时间限制，已被停止。</translation>
    </message>
    <message>
        <source>%1 was killed by signal %2 (%3); the run was stopped</source>
        <translation>%1 被信号 %2（%3）杀死；运行已停止</translation>
    </message>
    <message>
        <source>%1 ended without finishing (exit status %2); the run was stopped</source>
        <translation>%1 没有正常完成就结束了（退出状态 %2）；运行已停止</translation>
    </message>
    <message>
        <source>The run was stopped.</source>
        <translation>运行已停止。</translation>
    </message>
    <message>
        <source>The run was stopped at its limit of %1 trace events (ipclab run --max-events).</source>
        <translation>运行已达到 %1 个跟踪事件的上限，已被停止（ipclab run --max-events）。</translation>
    </message>
    <message>
        <source>was killed by signal %1 (%2)</source>
        <translation>被信号 %1（%2）终止</translation>
    </message>
    <message>
        <source>ended with status %1</source>
        <translation>以状态 %1 结束</translation>
    </message>
    <message>
        <source>The run&apos;s janitor %1; a new one was started.</source>
        <translation>本次运行的清理进程%1；已重新启动一个。</translation>
    </message>
    <message>
        <source>The run&apos;s janitor %1 and could not be started again.</source>
        <translation>本次运行的清理进程%1，且无法重新启动。</translation>
    </message>
    <message>
        <source>The run printed %1 bytes; IPC Lab kept the first and the last %2 MiB and left out %3 bytes between them.</source>
        <translation>本次运行共输出 %1 字节；IPC Lab 保留了开头和结尾各 %2 MiB，省略了中间的 %3 字节。</translation>
    </message>
    <message>
        <source>The run was interrupted (Ctrl+C) and stopped.</source>
        <translation>运行被中断（Ctrl+C）并已停止。</translation>
    </message>
    <message>
        <source>%1 ended without finishing; the run was stopped</source>
        <translation>%1 未完成就结束了；运行已停止</translation>
    </message>
</context>
<context>
    <name>SandboxText</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>network: its own namespace, loopback only</source>
        <translation>网络：独立的命名空间，只有回环接口</translation>
    </message>
    <message>
        <source>network: the interpreter allows loopback and the run&apos;s own ports only</source>
        <translation>网络：解释器只允许回环地址和本次运行自己的端口</translation>
    </message>
    <message>
        <source>shared memory: a private /dev/shm of %1</source>
        <translation>共享内存：私有的 /dev/shm，大小 %1</translation>
    </message>
    <message>
        <source>files: the run&apos;s folder on its own tmpfs (%1, %2 files)</source>
        <translation>文件：本次运行的文件夹位于独立的 tmpfs 上（%1，%2 个文件）</translation>
    </message>
    <message>
        <source>shared memory: the interpreter allows the run&apos;s own segments only, %1 in all</source>
        <translation>共享内存：解释器只允许本次运行自己的段，总共 %1</translation>
    </message>
    <message>
        <source>files: the interpreter allows the run&apos;s folder only; each file at most %1</source>
        <translation>文件：解释器只允许本次运行的文件夹；每个文件最多 %1</translation>
    </message>
    <message>
        <source>Landlock ABI %1: files only in the run&apos;s folder and /dev/shm, signals only within the run</source>
        <translation>Landlock ABI %1：文件只限于本次运行的文件夹和 /dev/shm，信号只能发给本次运行的进程</translation>
    </message>
    <message>
        <source>Landlock ABI %1: files only in the run&apos;s folder and /dev/shm</source>
        <translation>Landlock ABI %1：文件只限于本次运行的文件夹和 /dev/shm</translation>
    </message>
    <message>
        <source>Landlock: not available</source>
        <translation>Landlock：不可用</translation>
    </message>
    <message>
        <source>user: nobody (%1), root given up</source>
        <translation>用户：nobody（%1），已放弃 root 权限</translation>
    </message>
    <message>
        <source>user: unprivileged, in a user namespace of its own</source>
        <translation>用户：无特权，位于独立的用户命名空间中</translation>
    </message>
    <message>
        <source>processes: at most %1 per run</source>
        <translation>进程：每次运行最多 %1 个</translation>
    </message>
    <message>
        <source>memory: %1 of address space per process</source>
        <translation>内存：每个进程的地址空间最多 %1</translation>
    </message>
    <message>
        <source>memory: no address-space limit (sanitizer build)</source>
        <translation>内存：没有地址空间限制（sanitizer 构建）</translation>
    </message>
    <message>
        <source>output: the first and the last %1 of stdout are kept</source>
        <translation>输出：保留标准输出的开头和结尾各 %1</translation>
    </message>
    <message>
        <source>trace: at most %1 events</source>
        <translation>跟踪：最多 %1 个事件</translation>
    </message>
</context>
<context>
    <name>WaitText</name>
    <message>
        <source>pid %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1（pid %2）</translation>
    </message>
    <message>
        <source>an unknown line</source>
        <translation>未知的一行</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>line %1 (%2)</source>
        <translation>第 %1 行（%2）</translation>
    </message>
    <message>
        <source>, thread %1,</source>
        <translation> 的线程 %1</translation>
    </message>
    <message>
        <source> (including its own copy)</source>
        <translation>（包括它自己的那份副本）</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: nothing was sent on this pipe</source>
        <translation>%1 在%3的 %2 中等待：这条管道上还没有发送过任何数据</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: the pipe is full and no process reads the other end</source>
        <translation>%1 在%3的 %2 中等待：管道已满，而没有进程读取另一端</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <source>%1 cannot write to the queue&apos;s pipe: it is full and nobody reads it with get()</source>
        <translation>%1 无法写入队列的管道：管道已满，而没有人用 get() 读取</translation>
    </message>
    <message>
        <source>, which is itself waiting in %1 at %2</source>
        <translation>，而后者自己正在%2的 %1 中等待</translation>
    </message>
    <message>
        <source>: a deadlock, each holds what the other waits for</source>
        <translation>：这是死锁，双方各自持有对方等待的东西</translation>
    </message>
    <message>
        <source>%1 waits in join() at %2 for %3, which has not finished</source>
        <translation>%1 在%2的 join() 中等待尚未结束的 %3</translation>
    </message>
    <message>
        <source>%1 waits in join() at %2 for thread %3</source>
        <translation>%1 在%2的 join() 中等待线程 %3</translation>
    </message>
    <message>
        <source>%1 is handling %2() for a client</source>
        <translation>%1 正在为一个客户端处理 %2()</translation>
    </message>
    <message>
        <source>%1 waits at %2 for the manager&apos;s reply to %3()</source>
        <translation>%1 在%2等待 Manager 对 %3() 的回复</translation>
    </message>
    <message>
        <source>%1 is blocked in %2 at %3</source>
        <translation>%1 阻塞在%3的 %2 中</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: the pipe is empty, and %4, the sending end, is still open in %5%6, so recv() cannot raise EOFError: it raises it only when every process has closed that end (a forgotten close()?)</source>
        <translation>%1 在 %3 等待 %2：管道是空的，而发送端 %4 在 %5 中仍然打开%6，所以 recv() 不会抛出 EOFError：只有当每个进程都关闭了那一端时它才会抛出（是不是忘了 close()？）</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: %4 is full (maxsize %5, every slot of its semaphore taken) and no process takes items out with get()</source>
        <translation>%1 在 %3 等待 %2：%4 已满（maxsize %5，信号量的每个空位都被占用），而没有进程用 get() 取出元素</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3 for the %4 lock of %5, held by %6</source>
        <translation>%1 在 %3 等待 %2：需要 %5 的%4锁，它被 %6 持有</translation>
    </message>
    <message numerus="yes">
        <source>%1 waits in %2 at %3: %n item(s) are on their way, in a feeder&apos;s buffer or in the pipe</source>
        <translation>
            <numerusform>%1 在 %3 等待 %2：有 %n 个元素正在路上，在送料线程的缓冲区里或在管道里</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: %4 is empty and no process has anything left to put</source>
        <translation>%1 在 %3 等待 %2：%4 是空的，而且没有进程还有东西要放入</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: %4 is held by %5</source>
        <translation>%1 在 %3 等待 %2：%4 被 %5 持有</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: the value of %4 is 0 and nobody will release it</source>
        <translation>%1 在 %3 等待 %2：%4 的值是 0，且没有人会释放它</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3 until every item put is marked task_done()</source>
        <translation>%1 在 %3 等待 %2，直到放入的每个元素都被标记为 task_done()</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: %4 is empty and no thread will put</source>
        <translation>%1 在 %3 等待 %2：%4 是空的，且没有线程会放入元素</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: %4 is full and no thread will get</source>
        <translation>%1 在 %3 等待 %2：%4 已满，且没有线程会取出元素</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: nobody will set() %4</source>
        <translation>%1 在 %3 等待 %2：没有人会对 %4 调用 set()</translation>
    </message>
    <message>
        <source>%1 waits in %2 at %3: nobody will notify() %4</source>
        <translation>%1 在 %3 等待 %2：没有人会对 %4 调用 notify()</translation>
    </message>
    <message>
        <source>an IPC object</source>
        <translation>一个 IPC 对象</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a variable&apos;s value: the object&apos;s type, then its name (Queue q)</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 is in %2 at %3: %n message(s) are in the pipe, so recv() returns the oldest</source>
        <translation>
            <numerusform>%1 在第 %3 行的 %2 中：管道里有 %n 条消息，recv() 返回最早的那条</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 would wait forever: %3, the other end, is still open in %4</source>
        <translation>%2 中的 %1 将永远等待：另一端 %3 仍在 %4 中打开</translation>
    </message>
    <message>
        <source>%1 in %2 would wait forever: %3 is full and no process takes an item out</source>
        <translation>%2 中的 %1 将永远等待：%3 已满，且没有进程取出元素</translation>
    </message>
    <message>
        <source>%1 in %2 would wait forever: %3 is empty and no process will put</source>
        <translation>%2 中的 %1 将永远等待：%3 是空的，且没有进程会再 put</translation>
    </message>
    <message>
        <source>%1 in %2 would wait forever: %3 is held by %4</source>
        <translation>%2 中的 %1 将永远等待：%3 被 %4 持有</translation>
    </message>
    <message>
        <source>%1 in %2 would wait forever: the FIFO is empty and its write end is still open in %3</source>
        <translation>%2 中的 %1 将永远等待：FIFO 是空的，而它的写端仍在 %3 中打开</translation>
    </message>
    <message>
        <source>join() in %1 would wait forever: %2 never ends</source>
        <translation>%1 中的 join() 将永远等待：%2 永不结束</translation>
    </message>
    <message>
        <source>%1 in %2 would wait forever</source>
        <translation>%2 中的 %1 将永远等待</translation>
    </message>
    <message>
        <source>%1 holds %2 and waits for %3</source>
        <translation>%1 持有 %2，并等待 %3</translation>
    </message>
    <message>
        <source>a deadlock: %1; each waits forever for what the other holds</source>
        <translation>死锁：%1；双方都永远等待对方持有的东西</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::CodeView</name>
    <message>
        <source>Click a line number to set or clear a breakpoint (F9)</source>
        <translation>点击行号设置或清除断点（F9）</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::HistogramView</name>
    <message>
        <source>The outcomes appear here as the runs end.</source>
        <translation>每次运行结束后，结果会显示在这里。</translation>
    </message>
    <message>
        <source>Line %1 of the output: the same in every run</source>
        <translation>输出第 %1 行：每次运行都一样</translation>
    </message>
    <message>
        <source>Line %1 of the output: %2 different outcomes</source>
        <translation>输出第 %1 行：%2 种不同结果</translation>
    </message>
    <message>
        <source>(other outcomes)</source>
        <translation>（其他结果）</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) did not finish (hang, crash or time limit)</source>
        <translation>
            <numerusform>%n 次运行没有结束（卡死、崩溃或超时）</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1 of the output (%2 …): %3 different values, from %4 to %5</source>
        <translation>输出第 %1 行（%2 …）：%3 个不同的值，从 %4 到 %5</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::LessonEditor</name>
    <message>
        <source>the disk took only part of the lesson</source>
        <translation>磁盘只写入了课程的一部分</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::MainWindow</name>
    <message>
        <source>IPC Lab</source>
        <translation>IPC 实验室</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>正在发生什么</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>舞台</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Python scenarios (*.py)</source>
        <translation>Python 场景 (*.py)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>前进一步</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Larger type</source>
        <translation>放大字体</translation>
    </message>
    <message>
        <source>Smaller type</source>
        <translation>缩小字体</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>正常大小</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Self-study: stop at questions</source>
        <translation>自学模式：遇到问题时暂停</translation>
    </message>
    <message>
        <source>Pause the replay at each question of the lesson, let the student answer, then show what really happens</source>
        <translation>回放到课程中的每个问题时暂停，让学生作答，然后展示实际发生的情况</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>IPC Lab — %1</source>
        <translation>IPC 实验室 — %1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>This scenario has problems; see the event log. Nothing was run.</source>
        <translation>这个场景有问题，请查看事件日志。没有运行任何代码。</translation>
    </message>
    <message>
        <source>Running the scenario for real; the replay starts when it ends.</source>
        <translation>正在真实地运行场景；运行结束后开始回放。</translation>
    </message>
    <message>
        <source>Nothing can run any more: every thread waits, and nobody will wake it.</source>
        <translation>再也没有谁能运行：每个线程都在等待，而没有人会唤醒它。</translation>
    </message>
    <message numerus="yes">
        <source>The live run ended (%n step(s) taken). Scrub the timeline or step back to see it again; Undo re-runs it one step shorter.</source>
        <translation>
            <numerusform>实时运行结束（共走了 %n 步）。拖动时间线或后退一步可以重看；撤销会少走一步重新运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: every thread waits before its next step. Step (F10) lets the next one go; click a thread (or press its number) to choose who runs; Run freely (F8) lets them all go until a breakpoint.</source>
        <translation>实时：每个线程都在下一步之前等待。“下一步”（F10）放行下一个线程；点击某个线程（或按它的编号）来选择谁运行；“自由运行”（F8）放行所有线程，直到遇到断点。</translation>
    </message>
    <message>
        <source>%1 cannot take a step now: it is not waiting at a gate.</source>
        <translation>%1 现在不能走一步：它没有在闸门处等待。</translation>
    </message>
    <message numerus="yes">
        <source>Re-running from the start with %n step(s): the real processes go through them again.</source>
        <translation>
            <numerusform>从头重新运行前 %n 步：真实的进程会再走一遍。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save schedule</source>
        <translation>保存调度</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n step(s) to %1</source>
        <translation>
            <numerusform>已将 %n 步保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay schedule</source>
        <translation>重放调度</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Run live: real processes wait before every step until you let them go (Ctrl+L)</source>
        <translation>实时运行：真实的进程在每一步之前等待，直到你放行（Ctrl+L）</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Let the next thread in turn take one step (F10)</source>
        <translation>让轮到的下一个线程走一步（F10）</translation>
    </message>
    <message>
        <source>Run freely</source>
        <translation>自由运行</translation>
    </message>
    <message>
        <source>Open every gate until a breakpoint (click a line number); again to pause (F8)</source>
        <translation>打开所有闸门直到断点（点击行号设置）；再按一次暂停（F8）</translation>
    </message>
    <message>
        <source>Show me the race</source>
        <translation>演示竞争</translation>
    </message>
    <message>
        <source>Two workers each read the shared value, then both write it back: one update is lost. With a Lock, the second waits.</source>
        <translation>两个工作进程各自读取共享值，然后都写回：丢失一次更新。加上 Lock 后，第二个进程会等待。</translation>
    </message>
    <message>
        <source>Undo step</source>
        <translation>撤销一步</translation>
    </message>
    <message>
        <source>Run again from the start with one step fewer, to try another order (Ctrl+Z)</source>
        <translation>少走一步从头重新运行，尝试另一种顺序（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Take steps by themselves, at the pace of the speed slider</source>
        <translation>按速度滑块的节奏自动走步</translation>
    </message>
    <message>
        <source>Run it N times</source>
        <translation>运行 N 次</translation>
    </message>
    <message>
        <source>How many runs, with the gates off?</source>
        <translation>关闭闸门运行多少次？</translation>
    </message>
    <message>
        <source>Run it N times…</source>
        <translation>运行 N 次…</translation>
    </message>
    <message>
        <source>Save schedule…</source>
        <translation>保存调度…</translation>
    </message>
    <message>
        <source>Schedules (*.schedule.json)</source>
        <translation>调度文件 (*.schedule.json)</translation>
    </message>
    <message>
        <source>Replay schedule…</source>
        <translation>重放调度…</translation>
    </message>
    <message>
        <source>Can take a step: %1</source>
        <translation>可以走一步：%1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>第一个事件</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最后一个事件</translation>
    </message>
    <message>
        <source>The program printed last:</source>
        <translation>程序最后输出的是：</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About IPC Lab</source>
        <translation>关于 IPC Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IPC Lab %1&lt;/h3&gt;&lt;p&gt;Inter-process communication as Python&apos;s multiprocessing does it, in real processes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;IPC Lab %1&lt;/h3&gt;&lt;p&gt;像 Python 的 multiprocessing 那样学习进程间通信，使用真实的进程。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A lesson file cannot reach anything outside its own run. On this machine every run gets:&lt;/p&gt;</source>
        <translation>&lt;p&gt;课程文件无法触及本次运行之外的任何东西。在这台机器上，每次运行都有：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>IPC Lab stopped this run: %1</source>
        <translation>IPC Lab 停止了这次运行：%1</translation>
    </message>
    <message>
        <source>This call never returns: IPC Lab stopped the run here.</source>
        <translation>这个调用永不返回：IPC Lab 在这里停止了运行。</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>◀ IPC</source>
        <translation>◀ IPC</translation>
    </message>
    <message>
        <source>Previous IPC event (Shift+←)</source>
        <translation>上一个 IPC 事件（Shift+←）</translation>
    </message>
    <message>
        <source>IPC ▶</source>
        <translation>IPC ▶</translation>
    </message>
    <message>
        <source>Next IPC event (Shift+→)</source>
        <translation>下一个 IPC 事件（Shift+→）</translation>
    </message>
    <message>
        <source>Go to event…</source>
        <translation>转到事件…</translation>
    </message>
    <message>
        <source>Go to event</source>
        <translation>转到事件</translation>
    </message>
    <message>
        <source>Event (0 to %1):</source>
        <translation>事件（0 到 %1）：</translation>
    </message>
    <message>
        <source>Every statement</source>
        <translation>逐条语句</translation>
    </message>
    <message>
        <source>Play gives every statement a step of its own; otherwise statements go by with the IPC step they lead to, and repeated steps speed up</source>
        <translation>播放时每条语句单独占一步；否则语句随它引出的 IPC 步骤一起播放，重复的步骤会越来越快</translation>
    </message>
    <message>
        <source>Click a thread or an object on the stage (or a lane of the timeline) first: Ctrl+← and Ctrl+→ go to its events.</source>
        <translation>请先在舞台上点击一个线程或对象（或时间线的一条泳道）：Ctrl+← 和 Ctrl+→ 会跳到它的事件。</translation>
    </message>
    <message>
        <source>No later event of the selection.</source>
        <translation>所选对象之后没有事件了。</translation>
    </message>
    <message>
        <source>No earlier event of the selection.</source>
        <translation>所选对象之前没有事件了。</translation>
    </message>
    <message>
        <source>Selected: Ctrl+← and Ctrl+→ go to its previous and next event.</source>
        <translation>已选中：Ctrl+← 和 Ctrl+→ 跳到它的上一个和下一个事件。</translation>
    </message>
    <message>
        <source>event %1 of %2 · t = %3</source>
        <translation>第 %1 个事件，共 %2 个 · t = %3</translation>
    </message>
    <message>
        <source>event 0 of %1</source>
        <translation>第 0 个事件，共 %1 个</translation>
    </message>
    <message>
        <source>Show lesson metadata</source>
        <translation>显示课程元数据</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s # ipclab: comments in the code (for authors); otherwise they are folded away and their words are in the margin marks</source>
        <translation>在代码中显示课程的 # ipclab: 注释（供作者使用）；否则它们会被折叠起来，内容显示在页边标记里</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Speed of the replay</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>The scenario language</source>
        <translation>场景语言</translation>
    </message>
    <message>
        <source>The scenario &amp;language</source>
        <translation>场景语言(&amp;L)</translation>
    </message>
    <message>
        <source>Writing a lesson</source>
        <translation>编写课程</translation>
    </message>
    <message>
        <source>Writing a &amp;lesson (scenario format)</source>
        <translation>编写课程（场景格式）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>The stage as PNG…</source>
        <translation>舞台（PNG）…</translation>
    </message>
    <message>
        <source>The stage as SVG…</source>
        <translation>舞台（SVG）…</translation>
    </message>
    <message>
        <source>The timeline as PNG…</source>
        <translation>时间线（PNG）…</translation>
    </message>
    <message>
        <source>The timeline as SVG…</source>
        <translation>时间线（SVG）…</translation>
    </message>
    <message>
        <source>The replay from here as GIF…</source>
        <translation>从这里开始的回放（GIF 动画）…</translation>
    </message>
    <message>
        <source>A handout as PDF…</source>
        <translation>讲义（PDF）…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>磁盘上的文件已改变</translation>
    </message>
    <message>
        <source>%1 was changed on disk, and the editor has unsaved changes. Load the file from disk and drop the changes here?</source>
        <translation>%1 在磁盘上被修改了，而编辑器里有未保存的修改。要从磁盘载入文件并丢弃这里的修改吗？</translation>
    </message>
    <message>
        <source>&amp;Save lesson</source>
        <translation>保存课程(&amp;S)</translation>
    </message>
    <message>
        <source>Save the lesson as</source>
        <translation>课程另存为</translation>
    </message>
    <message>
        <source>Save lesson &amp;as…</source>
        <translation>课程另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the lesson</source>
        <translation>编辑课程</translation>
    </message>
    <message>
        <source>Turn the code panel into an editor, checked as you type; Run runs what is in it, saved or not</source>
        <translation>把代码面板变成编辑器，边输入边检查；“运行”运行其中的代码，无论是否已保存</translation>
    </message>
    <message>
        <source>Comment or uncomment the lines</source>
        <translation>注释或取消注释这些行</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Restore unsaved text</source>
        <translation>恢复未保存的文本</translation>
    </message>
    <message>
        <source>IPC Lab did not close properly while %1 had unsaved changes. Restore them in the editor?</source>
        <translation>IPC Lab 上次没有正常关闭，当时 %1 有未保存的修改。要在编辑器中恢复它们吗？</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::OutputPane</name>
    <message>
        <source>%1 — click to mark line %2 in the code</source>
        <translation>%1 —— 点击在代码中标出第 %2 行</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::QuestionPanel</name>
    <message>
        <source>Check yourself</source>
        <translation>自我检测</translation>
    </message>
    <message>
        <source>Pick an answer; then watch what really happens.</source>
        <translation>选一个答案，然后看看实际发生了什么。</translation>
    </message>
    <message>
        <source>Right! Continue to see it happen.</source>
        <translation>答对了！继续，看它如何发生。</translation>
    </message>
    <message>
        <source>Not quite: the right answer is marked in green. Continue to see what really happens.</source>
        <translation>不太对：正确答案已用绿色标出。继续，看看实际发生了什么。</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Watch: the replay plays on to the moment that answers the question, and stops there.</source>
        <translation>请看：回放继续播放到揭示答案的那一刻，并在那里停下。</translation>
    </message>
    <message>
        <source>There it is: the stage shows what the question was about. Continue plays on.</source>
        <translation>就是这里：舞台展示了问题所问的结果。点击“继续”接着播放。</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::RaceBanner</name>
    <message>
        <source>Lost update %1 of the %2 found so far in this run</source>
        <translation>本次运行至今发现的 %2 次丢失更新中的第 %1 次</translation>
    </message>
    <message>
        <source>Lost update %1 of %2 in this run</source>
        <translation>本次运行 %2 次丢失更新中的第 %1 次</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::RepeatRunsDialog</name>
    <message numerus="yes">
        <source>Run it %n time(s)</source>
        <translation>
            <numerusform>运行 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Running %1: %2 of %3 done…</source>
        <translation>正在运行 %1：已完成 %2 / %3…</translation>
    </message>
    <message>
        <source>%1 runs of %2, with the gates off. Each bar counts the runs that printed that line, or a number in that range.</source>
        <translation>%2 运行了 %1 次（闸门关闭）。每个条形统计打印出这一行、或打印出该范围内数值的运行次数。</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Search actions and keys…</source>
        <translation>搜索操作和按键…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::StageView</name>
    <message>
        <source>closed everywhere</source>
        <translation>各处都已关闭</translation>
    </message>
    <message>
        <source>Press Run to run the scenario; its processes, pipes and queues appear here.</source>
        <translation>点击“运行”来运行场景；它的进程、管道和队列会显示在这里。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>被信号 %1 杀死</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>已退出，退出码 %1</translation>
    </message>
    <message>
        <source>Manager server</source>
        <translation>Manager 服务进程</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <source>blocked in %1</source>
        <translation>阻塞在 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <source>line %1: %2 — %3</source>
        <translation>第 %1 行：%2 — %3</translation>
    </message>
    <message>
        <source>shared objects:</source>
        <translation>共享对象：</translation>
    </message>
    <message>
        <source>semaphore</source>
        <translation>信号量</translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation>空闲 %1 / %2</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>由 %1 持有</translation>
    </message>
    <message>
        <source>write lock: %1    read lock: %2</source>
        <translation>写锁：%1    读锁：%2</translation>
    </message>
    <message>
        <source>buffer in %1:</source>
        <translation>%1 中的缓冲区：</translation>
    </message>
    <message>
        <source>Pipe (duplex)</source>
        <translation>Pipe（全双工）</translation>
    </message>
    <message>
        <source>Pipe (one way: first end reads)</source>
        <translation>Pipe（单向：第一端读）</translation>
    </message>
    <message>
        <source>end 1: %1</source>
        <translation>第 1 端：%1</translation>
    </message>
    <message>
        <source>end 2: %1</source>
        <translation>第 2 端：%1</translation>
    </message>
    <message>
        <source>%1: held by %2</source>
        <translation>%1：由 %2 持有</translation>
    </message>
    <message>
        <source>%1: free</source>
        <translation>%1：空闲</translation>
    </message>
    <message>
        <source>%1: value %2</source>
        <translation>%1：值为 %2</translation>
    </message>
    <message>
        <source>FIFO &apos;%1&apos; (removed; open ends still work)</source>
        <translation>FIFO &apos;%1&apos;（已删除；已打开的端仍可使用）</translation>
    </message>
    <message>
        <source>FIFO &apos;%1&apos; (named pipe)</source>
        <translation>FIFO &apos;%1&apos;（命名管道）</translation>
    </message>
    <message>
        <source>%1 bytes in flight</source>
        <translation>%1 字节在传输中</translation>
    </message>
    <message>
        <source>write end: %1</source>
        <translation>写端：%1</translation>
    </message>
    <message>
        <source>read end: %1</source>
        <translation>读端：%1</translation>
    </message>
    <message>
        <source>socket (%1): %2</source>
        <translation>套接字（%1）：%2</translation>
    </message>
    <message>
        <source>socket %1 (%2): %3</source>
        <translation>套接字 %1（%2）：%3</translation>
    </message>
    <message>
        <source>socketpair</source>
        <translation>socketpair</translation>
    </message>
    <message>
        <source>TCP connection %1 ⇄ %2</source>
        <translation>TCP 连接 %1 ⇄ %2</translation>
    </message>
    <message>
        <source>connect → accept</source>
        <translation>connect → accept</translation>
    </message>
    <message>
        <source>%1 connected; %2 accepted</source>
        <translation>%1 已连接；%2 已接受</translation>
    </message>
    <message>
        <source>→ %1 bytes, ← %2 bytes in flight</source>
        <translation>→ %1 字节，← %2 字节在传输中</translation>
    </message>
    <message>
        <source>connect(): %1</source>
        <translation>connect()：%1</translation>
    </message>
    <message>
        <source>accept(): %1</source>
        <translation>accept()：%1</translation>
    </message>
    <message>
        <source>SharedMemory &apos;%1&apos;, %2 bytes</source>
        <translation>SharedMemory &apos;%1&apos;，%2 字节</translation>
    </message>
    <message>
        <source>mmap (anonymous, shared), %1 bytes</source>
        <translation>mmap（匿名，共享），%1 字节</translation>
    </message>
    <message>
        <source>mmap of &apos;%1&apos;, %2 bytes</source>
        <translation>&apos;%1&apos; 的 mmap，%2 字节</translation>
    </message>
    <message>
        <source>%1(&apos;%2&apos;), %3 bytes</source>
        <translation>%1(&apos;%2&apos;)，%3 字节</translation>
    </message>
    <message>
        <source>seen by all · last write: %1</source>
        <translation>所有进程都看得到 · 最后一次写入：%1</translation>
    </message>
    <message>
        <source>one copy, seen by all</source>
        <translation>只有一份，所有进程都看得到</translation>
    </message>
    <message>
        <source> · lock held by %1</source>
        <translation> · 锁被 %1 持有</translation>
    </message>
    <message>
        <source> · lock free</source>
        <translation> · 锁空闲</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <source>Pool: %1</source>
        <translation>进程池：%1</translation>
    </message>
    <message>
        <source>no workers left</source>
        <translation>没有剩余的工作进程</translation>
    </message>
    <message>
        <source>%1 tasks sent, %2 done, %3 unfinished</source>
        <translation>已发送 %1 个任务，完成 %2 个，未完成 %3 个</translation>
    </message>
    <message>
        <source>about to call the manager: %1</source>
        <translation>即将调用管理进程：%1</translation>
    </message>
    <message>
        <source>took a slot of the semaphore; %1 not yet in the buffer</source>
        <translation>已占用信号量的一个名额；%1 还没进入缓冲区</translation>
    </message>
    <message>
        <source>about to write an item into the pipe</source>
        <translation>即将把一个数据写入管道</translation>
    </message>
    <message>
        <source>next: line %1: %2</source>
        <translation>下一步：第 %1 行：%2</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>[%1] %2 — can take a step (key %1 or click)</source>
        <translation>[%1] %2 — 可以走一步（按 %1 或点击）</translation>
    </message>
    <message>
        <source>%1 — can take a step (click)</source>
        <translation>%1 — 可以走一步（点击）</translation>
    </message>
    <message>
        <source>unbounded: put() never waits for a slot</source>
        <translation>没有容量上限：put() 从不等待空位</translation>
    </message>
    <message numerus="yes">
        <source>semaphore: %n slot(s) free</source>
        <translation>
            <numerusform>信号量：空 %n 个位置</numerusform>
        </translation>
    </message>
    <message>
        <source>end 1</source>
        <translation>端 1</translation>
    </message>
    <message>
        <source>end 2</source>
        <translation>端 2</translation>
    </message>
    <message>
        <source>%1: set</source>
        <translation>%1：已设置</translation>
    </message>
    <message>
        <source>%1: not set</source>
        <translation>%1：未设置</translation>
    </message>
    <message>
        <source>starting: start() returned, no line run yet</source>
        <translation>正在启动：start() 已返回，还未运行任何一行</translation>
    </message>
    <message>
        <source>starting; inherited copies of %1</source>
        <translation>正在启动；继承了 %1 的副本</translation>
    </message>
    <message>
        <source>the other end</source>
        <translation>另一端</translation>
    </message>
    <message>
        <source>waiting forever</source>
        <translation>永远等待中</translation>
    </message>
    <message>
        <source>to blame: %1</source>
        <translation>罪魁祸首：%1</translation>
    </message>
    <message>
        <source>blocked forever in %1</source>
        <translation>永远阻塞在 %1 中</translation>
    </message>
    <message numerus="yes">
        <source>pipe: %n message(s), %1</source>
        <translation>
            <numerusform>管道：%n 条消息，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1&apos;s feeder holds:</source>
        <translation>%1 的送料线程手里：</translation>
    </message>
    <message>
        <source>%1 B of %2 KiB</source>
        <translation>%1 B / %2 KiB</translation>
    </message>
    <message>
        <source>%1 %2 B</source>
        <translation>%1 %2 B</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), %1</source>
        <translation>
            <numerusform>%n 条消息，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>keeps %1 open</source>
        <translation>让 %1 保持打开</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>持有 %1</translation>
    </message>
    <message>
        <source>keeps the FIFO&apos;s write end open</source>
        <translation>让 FIFO 的写端保持打开</translation>
    </message>
    <message>
        <source>has not ended</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>keeps %1 waiting</source>
        <translation>让 %1 一直等待</translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <translation>复制“%1”</translation>
    </message>
    <message>
        <source>Follow it in the timeline (Ctrl+← / Ctrl+→)</source>
        <translation>在时间线中跟踪它（Ctrl+← / Ctrl+→）</translation>
    </message>
    <message>
        <source>Export the stage…</source>
        <translation>导出舞台…</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>退出 %1</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::TimelineView</name>
    <message>
        <source>The timeline of the run appears here: a lane per thread.</source>
        <translation>运行的时间线显示在这里：每个线程一条泳道。</translation>
    </message>
    <message>
        <source>%1 · forever →</source>
        <translation>%1 · 永远 →</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Zoom to fit the whole run</source>
        <translation>缩放到整个运行</translation>
    </message>
    <message>
        <source>Export the timeline…</source>
        <translation>导出时间线…</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::VariablesPanel</name>
    <message>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Whose variables to show</source>
        <translation>显示谁的变量</translation>
    </message>
    <message>
        <source>The thread that ran last</source>
        <translation>最近运行的线程</translation>
    </message>
    <message>
        <source>changed by the latest statement</source>
        <translation>被刚执行的语句改变</translation>
    </message>
    <message>
        <source>(no local variables yet)</source>
        <translation>（还没有局部变量）</translation>
    </message>
    <message>
        <source>Globals of %1</source>
        <translation>%1 的全局变量</translation>
    </message>
</context>
</TS>
