// The `multiprocessing` module a scenario imports.

#include "connection.h"
#include "ipc.h"
#include "ipc_modules.h"
#include "manager.h"
#include "modules.h"
#include "mpqueue.h"
#include "native.h"
#include "process.h"
#include "sync.h"

#include "interpreter.h"

#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

Value mpPipe(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "Pipe", 0, 1);
    allowKeywords(args, "Pipe", { "duplex" });
    return makePipe(truthy(argOrKeyword(args, 0, "duplex", Value::boolean(true))));
}

Value mpCurrentProcess(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "current_process", 0, 0);
    return currentProcess();
}

Value mpActiveChildren(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "active_children", 0, 0);
    return activeChildren();
}

Value mpCpuCount(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "cpu_count", 0, 0);
    const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    return Value::integer(n > 0 ? n : 1);
}

Value mpGetStartMethod(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "get_start_method", 0, 1);
    return newStr(currentStartMethod() == StartMethod::Spawn ? "spawn" : "fork");
}

Value mpSetStartMethod(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "set_start_method", { "method", "force" });
    checkArgCount(args, "set_start_method", 1, 2);
    const std::string &method = strArg(argOrKeyword(args, 0, "method", Value()), "set_start_method", 1);
    setStartMethod(method, truthy(argOrKeyword(args, 1, "force", Value::boolean(false))));
    return Value::none();
}

Value mpManager(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "Manager", 0, 0);
    return startManager(in);
}

Value createConnectionModule(Interpreter &)
{
    return makeModule("multiprocessing.connection", { { "Pipe", nativeFunction("Pipe", mpPipe) }, { "Connection", Value::object(connectionType()) } });
}

Value createMultiprocessing(Interpreter &in)
{
    return makeModule("multiprocessing",
        { { "Process", Value::object(processType()) }, { "Pipe", nativeFunction("Pipe", mpPipe) },
            { "current_process", nativeFunction("current_process", mpCurrentProcess) },
            { "active_children", nativeFunction("active_children", mpActiveChildren) }, { "cpu_count", nativeFunction("cpu_count", mpCpuCount) },
            { "get_start_method", nativeFunction("get_start_method", mpGetStartMethod) },
            { "set_start_method", nativeFunction("set_start_method", mpSetStartMethod) }, { "Queue", Value::object(mpQueueType()) },
            { "ProcessError", Value::object(processErrorType()) }, { "BufferTooShort", Value::object(bufferTooShortType()) },
            { "Manager", nativeFunction("Manager", mpManager) }, { "JoinableQueue", Value::object(joinableQueueType()) },
            { "SimpleQueue", Value::object(simpleQueueType()) }, { "Lock", Value::object(syncType(SyncKind::Lock, true)) },
            { "RLock", Value::object(syncType(SyncKind::RLock, true)) }, { "Semaphore", Value::object(syncType(SyncKind::Semaphore, true)) },
            { "BoundedSemaphore", Value::object(syncType(SyncKind::BoundedSemaphore, true)) }, { "Event", Value::object(syncType(SyncKind::Event, true)) },
            { "Condition", Value::object(syncType(SyncKind::Condition, true)) }, { "connection", in.importModule("multiprocessing.connection") },
            { "Value", nativeFunction("Value", sharedValueFactory) }, { "Array", nativeFunction("Array", sharedArrayFactory) }, { "Pool", poolTypeValue() } });
}

} // namespace

void registerModules()
{
    registerThreadingModules();
    registerOsModule();
    registerSocketModule();
    registerContextlibModule();
    registerSharedMemoryModules();
    registerModule({ "multiprocessing.pool", { "Pool" }, [](Interpreter &) { return makeModule("multiprocessing.pool", { { "Pool", poolTypeValue() } }); } });
    registerModule({ "multiprocessing.connection", { "Pipe", "Connection" }, createConnectionModule });
    registerModule({ "multiprocessing.queues", { "Queue", "JoinableQueue", "SimpleQueue" }, [](Interpreter &) {
                        return makeModule("multiprocessing.queues",
                            { { "Queue", Value::object(mpQueueType()) }, { "ProcessError", Value::object(processErrorType()) },
                                { "BufferTooShort", Value::object(bufferTooShortType()) }, { "JoinableQueue", Value::object(joinableQueueType()) },
                                { "SimpleQueue", Value::object(simpleQueueType()) } });
                    } });
    registerModule({ "multiprocessing",
        { "Process", "Pipe", "Manager", "Queue", "JoinableQueue", "SimpleQueue", "current_process", "active_children", "cpu_count", "get_start_method",
            "set_start_method", "connection", "ProcessError", "BufferTooShort", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition", "Value",
            "Array", "shared_memory", "Pool", "pool" },
        createMultiprocessing });
}

} // namespace ipclab::ipc
