#include "protocol.h"

#include <algorithm>
#include <array>

namespace ipclab::trace {

namespace {

using B = Blocking;
using R = Route;

// One row per operation. The wording names the activity ("waiting for a message from a
// pipe"): the window uses it where an event has no sentence of its own and a call has no
// Python name, so no internal name ever reaches a student.
constexpr std::array kOperations {
    // Runs, processes and threads.
    Operation { "run.start", "I", "file,source,argv,format", B::Neither, "", "starting the run", "开始运行", R::None },
    Operation { "run.end", "I", "end,exitCode,diagnosis", B::Neither, "", "ending the run", "结束运行", R::None },
    Operation { "process.run", "I", "name,ppid,thread,holds,role", B::Neither, "", "starting running", "开始运行", R::None },
    Operation { "process.start", "BE", "name,child", B::Neither, "start()", "starting a child process", "启动一个子进程", R::None },
    Operation { "process.exit", "I", "exitcode,exception,message,raisedAt", B::Neither, "", "exiting", "退出", R::None },
    Operation { "process.signal", "I", "signal,child", B::Neither, "terminate()", "sending a signal to a child process", "向子进程发送信号", R::None },
    Operation {
        "process.join", "BE", "child,name,timeout,exitcode,timedOut", B::Blocks, "join()", "waiting for a child process to end", "等待子进程结束", R::None },
    Operation { "process.reaped", "I", "child,exitcode", B::Neither, "", "collecting a child's exit status", "收回子进程的退出状态", R::None },
    Operation { "thread.start", "I", "name", B::Neither, "", "starting a thread", "启动一个线程", R::None },
    Operation { "thread.exit", "I", "", B::Neither, "", "ending a thread", "结束一个线程", R::None },
    Operation { "thread.join", "BE", "name,timeout,finished", B::Blocks, "join()", "waiting for a thread to end", "等待线程结束", R::None },
    Operation { "stmt", "I", "depth,function,fresh,locals,unset,globals,globalsUnset", B::Neither, "", "running a statement", "执行一条语句", R::None },
    Operation { "time.sleep", "BE", "seconds", B::Blocks, "time.sleep()", "sleeping", "休眠", R::None },
    Operation { "exception", "I", "type,message,raisedAt,uncaught,traceback", B::Neither, "", "raising an exception nobody catches", "抛出一个无人捕获的异常",
        R::None },
    Operation { "print", "I", "stream,text", B::Neither, "print()", "printing output", "输出", R::None },
    Operation { "object.name", "I", "name", B::Neither, "", "naming an object", "给对象命名", R::None },
    // Pipes.
    Operation { "pipe.create", "I", "a,b,duplex,capacity", B::Neither, "Pipe()", "creating a pipe", "创建一个管道", R::Pipe },
    Operation { "conn.send", "BEF", "bytes,value,exc,message", B::Blocks, "send()", "sending a message into a pipe", "向管道发送一条消息", R::Pipe },
    Operation { "conn.send_bytes", "BEF", "bytes,value,exc,message", B::Blocks, "send_bytes()", "sending bytes into a pipe", "向管道发送字节", R::Pipe },
    Operation { "conn.recv", "BEF", "bytes,value,exc,message", B::Blocks, "recv()", "waiting for a message from a pipe", "等待管道传来一条消息", R::Pipe },
    Operation { "conn.recv_bytes", "BEF", "bytes,value,exc,message", B::Blocks, "recv_bytes()", "waiting for bytes from a pipe", "等待管道传来字节", R::Pipe },
    Operation { "conn.recv_bytes_into", "BEF", "bytes,value,exc,message", B::Blocks, "recv_bytes_into()", "reading bytes from a pipe into a buffer",
        "从管道读字节到缓冲区", R::Pipe },
    Operation {
        "conn.poll", "BE", "timeout,ready", B::Blocks, "poll()", "checking whether a pipe has something to read", "查看管道里是否有可读的内容", R::Pipe },
    Operation { "conn.close", "I", "", B::Neither, "close()", "closing its copy of a pipe end", "关闭自己持有的管道端", R::Pipe },
    // multiprocessing queues and their machinery.
    Operation { "queue.create", "I", "kind,maxsize,readLock,writeLock,slots,capacity", B::Neither, "Queue()", "creating a queue", "创建一个队列", R::Queue },
    Operation { "queue.put", "BEF", "value,block,timeout,msg,exc,message", B::Blocks, "put()", "putting an item into a queue", "把一个元素放入队列", R::Queue },
    Operation { "queue.get", "BEF", "block,timeout,value,exc,message", B::Blocks, "get()", "taking an item from a queue", "从队列取出一个元素", R::Queue },
    Operation { "buffer.append", "I", "msg,size,value", B::Neither, "", "adding an item to its queue buffer", "把元素加入自己的队列缓冲区", R::Queue },
    Operation { "buffer.pop", "I", "msg,sentinel", B::Neither, "", "taking the oldest item out of its queue buffer", "从队列缓冲区取出最早的元素", R::Queue },
    Operation { "feeder.wait", "BE", "size", B::Idle, "", "letting its feeder thread wait for items", "让送料线程等待元素", R::Queue },
    Operation { "feeder.pickle", "I", "msg,bytes", B::Neither, "", "pickling an item for the queue's pipe", "为队列的管道序列化一个元素", R::Queue },
    Operation { "pipe.write", "BE", "msg,bytes", B::Blocks, "", "writing an item into the queue's pipe", "把元素写入队列的管道", R::Queue },
    Operation { "pipe.read", "BEF", "bytes,exc,message", B::Blocks, "", "reading an item from the queue's pipe", "从队列的管道读出元素", R::Queue },
    Operation { "queue.task_done", "I", "allDone", B::Neither, "task_done()", "marking a task done", "标记一个任务已完成", R::Queue },
    Operation { "queue.join", "BE", "", B::Blocks, "join()", "waiting until every item is marked done", "等待所有元素被标记完成", R::Queue },
    Operation { "queue.close", "I", "", B::Neither, "close()", "closing a queue", "关闭队列", R::Queue },
    Operation { "queue.join_thread", "BE", "atExit", B::Blocks, "join_thread()", "waiting for the queue's feeder thread to finish", "等待队列的送料线程结束",
        R::Queue },
    // Locks, semaphores, events, conditions.
    Operation { "sync.create", "I", "kind,value,max,shared,owner", B::Neither, "Lock()", "creating a lock", "创建一个锁", R::None },
    Operation { "sync.acquire", "BEF", "blocking,timeout,value,recursion,exc,message", B::Blocks, "acquire()", "acquiring a lock", "获取锁", R::None },
    Operation { "sync.release", "I", "value,recursion", B::Neither, "release()", "releasing a lock", "释放锁", R::None },
    Operation { "event.set", "I", "", B::Neither, "set()", "setting an event", "设置事件", R::None },
    Operation { "event.clear", "I", "", B::Neither, "clear()", "clearing an event", "清除事件", R::None },
    Operation { "event.wait", "BE", "timeout,value", B::Blocks, "wait()", "waiting for an event", "等待事件", R::None },
    Operation { "condition.wait", "BE", "timeout,value", B::Blocks, "wait()", "waiting on a condition", "在条件变量上等待", R::None },
    Operation { "condition.notify", "I", "n", B::Neither, "notify()", "notifying a condition", "通知条件变量", R::None },
    // Thread queues (queue.Queue, LifoQueue, PriorityQueue).
    Operation { "tqueue.create", "I", "kind,maxsize", B::Neither, "queue.Queue()", "creating a thread queue", "创建一个线程队列", R::None },
    Operation {
        "tqueue.put", "BEF", "value,block,timeout,size,exc,message", B::Blocks, "put()", "putting an item into a thread queue", "把元素放入线程队列", R::None },
    Operation {
        "tqueue.get", "BEF", "block,timeout,value,size,exc,message", B::Blocks, "get()", "taking an item from a thread queue", "从线程队列取出元素", R::None },
    Operation { "tqueue.task_done", "I", "", B::Neither, "task_done()", "marking a task done", "标记一个任务已完成", R::None },
    Operation { "tqueue.join", "BE", "", B::Blocks, "join()", "waiting until every item is marked done", "等待所有元素被标记完成", R::None },
    // Managers.
    Operation { "manager.start", "I", "server,name", B::Neither, "Manager()", "starting a manager", "启动一个管理器", R::Manager },
    Operation {
        "proxy.call", "BEF", "method,ref,args,result,exc,message", B::Blocks, "", "asking the manager's server", "向管理器的服务器发出请求", R::Manager },
    Operation { "manager.handle", "BEF", "method,ref,args,result,contents,client,exc,message", B::Neither, "", "handling a request to the manager",
        "处理对管理器的请求", R::Manager },
    Operation { "server.accept", "BE", "", B::Idle, "", "waiting for a connection to the manager", "等待连接到管理器", R::Manager },
    Operation { "server.wait", "BE", "", B::Idle, "", "waiting for a request to the manager", "等待对管理器的请求", R::Manager },
    // Named pipes and files (os).
    Operation { "fifo.create", "I", "path", B::Neither, "os.mkfifo()", "creating a named pipe", "创建一个命名管道", R::Fifo },
    Operation { "os.open", "BEF", "path,flags,fifo,end,fd,exc,message", B::Blocks, "os.open()", "opening a file", "打开文件", R::Fifo },
    Operation { "os.read", "BEF", "fd,max,bytes,value,exc,message", B::Blocks, "os.read()", "reading from a file", "从文件读取", R::Fifo },
    Operation { "os.write", "BEF", "fd,bytes,value,written,exc,message", B::Blocks, "os.write()", "writing to a file", "写入文件", R::Fifo },
    Operation { "os.close", "I", "fd,path,end", B::Neither, "os.close()", "closing a file", "关闭文件", R::Fifo },
    Operation { "os.remove", "I", "path,fifo", B::Neither, "os.remove()", "removing a file", "删除文件", R::Fifo },
    // Sockets.
    Operation { "socket.create", "I", "kind,peer", B::Neither, "socket()", "creating a socket", "创建一个套接字", R::Socket },
    Operation { "socket.bind", "I", "address", B::Neither, "bind()", "binding a socket to an address", "把套接字绑定到地址", R::Socket },
    Operation { "socket.listen", "I", "backlog", B::Neither, "listen()", "listening for connections", "监听连接", R::Socket },
    Operation { "socket.accept", "BEF", "address,conn,peer,local,exc,message", B::Blocks, "accept()", "waiting for a connection", "等待连接", R::Socket },
    Operation { "socket.connect", "BEF", "address,local,exc,message", B::Blocks, "connect()", "connecting to a server", "连接到服务器", R::Socket },
    Operation { "socket.send", "BEF", "bytes,value,exc,message", B::Blocks, "send()", "sending bytes on a socket", "通过套接字发送字节", R::Socket },
    Operation {
        "socket.sendall", "BEF", "bytes,value,exc,message", B::Blocks, "sendall()", "sending all its bytes on a socket", "通过套接字发送全部字节", R::Socket },
    Operation { "socket.recv", "BEF", "max,bytes,value,exc,message", B::Blocks, "recv()", "waiting for bytes from a socket", "等待套接字传来字节", R::Socket },
    Operation { "socket.shutdown", "I", "how", B::Neither, "shutdown()", "shutting a socket down", "关闭套接字的一个方向", R::Socket },
    Operation { "socket.close", "I", "", B::Neither, "close()", "closing a socket", "关闭套接字", R::Socket },
    // Shared memory.
    Operation { "shared.create", "I", "kind,typecode,count,size,hex,value,lock,name", B::Neither, "Value()", "creating shared memory", "创建共享内存",
        R::SharedMemory },
    Operation {
        "shm.create", "BEF", "name,size,hex,exc,message", B::Neither, "SharedMemory()", "creating a shared memory block", "创建一块共享内存", R::SharedMemory },
    Operation { "shm.attach", "I", "name,size,hex", B::Neither, "SharedMemory()", "attaching a shared memory block", "连接一块共享内存", R::SharedMemory },
    Operation { "shm.close", "I", "name", B::Neither, "close()", "closing a shared memory block", "关闭共享内存块", R::SharedMemory },
    Operation { "shm.unlink", "I", "name", B::Neither, "unlink()", "removing a shared memory block", "删除共享内存块", R::SharedMemory },
    Operation { "shared.write", "I", "offset,size,hex,value", B::Neither, "", "writing shared memory", "写共享内存", R::SharedMemory },
    Operation { "shared.read", "I", "offset,size,value", B::Neither, "", "reading shared memory", "读共享内存", R::SharedMemory },
    // Pools.
    Operation { "pool.create", "I", "processes", B::Neither, "Pool()", "creating a pool of worker processes", "创建一个工作进程池", R::Pool },
    Operation { "pool.worker", "I", "worker,name", B::Neither, "", "starting a pool worker", "启动一个池工作进程", R::Pool },
    Operation { "pool.submit", "I", "task,func,args,worker,exc", B::Neither, "apply_async()", "handing a task to the pool", "把任务交给进程池", R::Pool },
    Operation { "pool.wait", "BE", "", B::Idle, "", "waiting for a task", "等待任务", R::Pool },
    Operation { "pool.task", "BEF", "task,func,args,value,exc,message", B::Neither, "", "running a pool task", "执行一个池任务", R::Pool },
    Operation { "pool.result", "I", "task,worker,ok,value", B::Neither, "", "receiving a task's result", "收到任务的结果", R::Pool },
    Operation { "pool.get", "BEF", "tasks,timeout,value,exc,message", B::Blocks, "get()", "waiting for the pool's results", "等待进程池的结果", R::Pool },
    Operation { "pool.close", "I", "", B::Neither, "close()", "closing the pool", "关闭进程池", R::Pool },
    Operation { "pool.terminate", "I", "", B::Neither, "terminate()", "stopping the pool's workers", "终止进程池的工作进程", R::Pool },
    Operation { "pool.join", "BE", "", B::Blocks, "join()", "waiting for the pool's workers to end", "等待进程池的工作进程结束", R::Pool },
    // Live runs.
    Operation { "gate", "BE", "point,slot,n,detail,breakpoint", B::Neither, "", "waiting for its turn", "等待轮到自己", R::None },
};

} // namespace

std::span<const Operation> operations()
{
    return kOperations;
}

const Operation *findOperation(std::string_view name)
{
    const auto it = std::find_if(kOperations.begin(), kOperations.end(), [name](const Operation &op) { return op.name == name; });
    return it == kOperations.end() ? nullptr : &*it;
}

std::string_view pythonCall(std::string_view name)
{
    const Operation *op = findOperation(name);
    if (!op)
        return {};
    return op->python.empty() ? op->english : op->python;
}

std::string_view levelName(Level level)
{
    switch (level) {
    case Level::Operations:
        return "ops";
    case Level::Statements:
        return "statements";
    case Level::Variables:
        return "variables";
    case Level::Off:
        break;
    }
    return "off";
}

Level levelFromName(std::string_view name)
{
    for (Level level : { Level::Operations, Level::Statements, Level::Variables })
        if (levelName(level) == name)
            return level;
    return Level::Off;
}

} // namespace ipclab::trace
