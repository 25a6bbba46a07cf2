# ipclab:title en: JoinableQueue: task_done() and join()
# ipclab:title zh: JoinableQueue：task_done() 与 join()
# ipclab:summary en: A JoinableQueue counts unfinished tasks: each put() adds one, each task_done() removes one. join() blocks until the count is back to zero, so the producer knows every item was not only taken but finished.
# ipclab:summary zh: JoinableQueue 会统计未完成的任务：每次 put() 加一，每次 task_done() 减一。join() 一直阻塞到计数回到零，生产者由此知道每个元素不仅被取走，而且处理完了。
# ipclab:lesson 2.8
# ipclab:chapter en: Queues
# ipclab:chapter zh: 队列 Queue

from multiprocessing import JoinableQueue, Process


def worker(q):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        print("worker: finished", item, flush=True)
        # ipclab:explain en: task_done() tells the queue that one item taken by get() is now finished.
        # ipclab:explain zh: task_done() 告诉队列：get() 取走的一个元素已经处理完了。
        q.task_done()


if __name__ == "__main__":
    q = JoinableQueue()
    p = Process(target=worker, args=(q,))
    p.start()
    for item in ["a", "b", "c"]:
        q.put(item)
    # ipclab:question at=first en: The worker has got the items. When does q.join() return?
    # ipclab:question at=first zh: 工作进程已经取走了元素。q.join() 什么时候返回？
    # ipclab:why en: A JoinableQueue counts unfinished tasks: each put() adds one, each task_done() takes one away. join() waits until the count is zero, not until the queue is empty.
    # ipclab:why zh: JoinableQueue 记录未完成的任务数：每次 put() 加一，每次 task_done() 减一。join() 等到计数为零，而不是等到队列为空。
    # ipclab:answer en: As soon as the queue is empty
    # ipclab:answer zh: 队列一空就返回
    # ipclab:answer* en: After the third task_done(): every put() has been matched
    # ipclab:answer* zh: 第三次 task_done() 之后：每次 put() 都有了对应
    # ipclab:answer en: When the worker process exits
    # ipclab:answer zh: 工作进程退出的时候
    q.join()
    print("main: all three tasks are done")
    q.put(None)
    p.join()
