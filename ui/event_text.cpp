#include "event_text.h"

#include "operation_words.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ipclab::ui {

namespace {

// The context the event descriptions are translated in (lupdate reads EventText::tr calls).
struct EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)
};

/// "q.put(3)": the call as the lesson writes it, with its argument's repr when it has one.
QString callWith(const engine::RunWatch &state, const QString &op, quint64 obj, const QString &argument = {})
{
    QString call = state.callOn(op, obj);
    if (!argument.isEmpty() && call.endsWith(QLatin1String("()")))
        call.insert(call.size() - 1, argument);
    return call;
}

/// The sentence for a lock or semaphore taken or given back, in the words of what the lesson
/// called: a queue's slot semaphore is "a free slot of q", never its internal value.
QString syncSentence(const engine::TraceEvent &e, const engine::RunWatch &state, const QString &who)
{
    const bool acquire = e.op == QLatin1String("sync.acquire");
    if (const quint64 queueId = state.queueOfSync(e.obj)) {
        const auto queue = state.queues().find(queueId);
        if (queue == state.queues().end())
            return {};
        const engine::QueueInfo &q = queue->second;
        const QString name = state.objectLabel(queueId);
        if (e.obj == q.slotSemaphore) {
            if (q.maxsize <= 0) // unbounded: the semaphore's count means nothing to a student
                return acquire ? (e.ph == 'B' ? EventText::tr("%1: %2 is unbounded, so put() never waits for a free slot.").arg(who, name) : QString())
                               : QString();
            const qint64 free = e.has("value") ? e.integer("value") : state.syncs().count(e.obj) ? state.syncs().at(e.obj).value : 0;
            if (acquire && e.ph == 'B')
                return EventText::tr("%1: put() waits for a free slot of %2 (%3 of %4 free).").arg(who, name).arg(free).arg(q.maxsize);
            if (acquire)
                return EventText::tr("%1 takes a slot of %2: %3 of %4 free now.").arg(who, name).arg(free).arg(q.maxsize);
            return EventText::tr("%1 gives a slot of %2 back: %3 of %4 free now.").arg(who, name).arg(free).arg(q.maxsize);
        }
        const QString lock = e.obj == q.readLock ? EventText::tr("the read lock of %1").arg(name) : EventText::tr("the write lock of %1").arg(name);
        if (acquire && e.ph == 'B')
            return EventText::tr("%1 asks for %2.").arg(who, lock);
        if (acquire)
            return EventText::tr("%1 holds %2.").arg(who, lock);
        return EventText::tr("%1 releases %2.").arg(who, lock);
    }
    const auto sync = state.syncs().find(e.obj);
    const QString kind = sync != state.syncs().end() ? sync->second.kind : QString();
    const QString name = state.objectLabel(e.obj);
    const QString call = callWith(state, e.op, e.obj);
    const bool isLock = kind == QLatin1String("Lock") || kind == QLatin1String("RLock");
    if (acquire && e.ph == 'B')
        return EventText::tr("%1 calls %2.").arg(who, call);
    if (acquire)
        return isLock ? EventText::tr("%1 holds %2 now.").arg(who, name)
                      : EventText::tr("%1 acquired %2: its value is %3 now.").arg(who, name).arg(e.integer("value"));
    return isLock ? EventText::tr("%1 releases %2: it is free now.").arg(who, name)
                  : EventText::tr("%1 releases %2: its value is %3 now.").arg(who, name).arg(e.integer("value"));
}

/// A manager's method as Python spells the call on the proxy: d['n'] = 4, d['n'], d.get('n').
QString proxyCall(const QString &method, QString args)
{
    if (args.startsWith(QLatin1Char('(')) && args.endsWith(QLatin1Char(')')))
        args = args.mid(1, args.size() - 2);
    if (args.endsWith(QLatin1Char(',')))
        args.chop(1);
    if (method == QLatin1String("__getitem__"))
        return QStringLiteral("[%1]").arg(args);
    if (method == QLatin1String("__setitem__")) {
        const int comma = args.indexOf(QLatin1String(", "));
        if (comma > 0)
            return QStringLiteral("[%1] = %2").arg(args.left(comma), args.mid(comma + 2));
    }
    if (method == QLatin1String("__len__"))
        return QStringLiteral("len()");
    if (method == QLatin1String("__contains__"))
        return QStringLiteral("in: %1").arg(args);
    return QStringLiteral(".%1(%2)").arg(method, args);
}

QString describeEventWithAddresses(const engine::TraceEvent &e, const engine::RunWatch &state);

} // namespace

QString describeEvent(const engine::TraceEvent &e, const engine::RunWatch &state)
{
    // Values in a sentence are reprs; an object's address in them means nothing to a student.
    return engine::withoutAddresses(describeEventWithAddresses(e, state));
}

namespace {

QString describeEventWithAddresses(const engine::TraceEvent &e, const engine::RunWatch &state)
{
    auto proc = state.processes().find(e.pid);
    const QString who = proc != state.processes().end() && !proc->second.name.isEmpty() ? proc->second.name : EventText::tr("pid %1").arg(e.pid);
    const QString &op = e.op;
    const char ph = e.ph;
    if (op == QLatin1String("gate") && ph == 'B') {
        const QString point = e.text("point");
        if (point == QLatin1String("proxy.call"))
            return EventText::tr("%1 waits for its turn, about to call the manager: %2").arg(who, e.text("detail"));
        if (point == QLatin1String("queue.buffer"))
            return EventText::tr("%1 waits for its turn: it took a slot of the queue's semaphore, and %2 is not in the buffer yet.").arg(who, e.text("detail"));
        if (point == QLatin1String("feeder.write"))
            return EventText::tr("%1's feeder thread waits for its turn, about to write an item into the pipe.").arg(who);
        if (e.flag("breakpoint"))
            return EventText::tr("%1 stops at the breakpoint on line %2.").arg(who).arg(e.line);
        return EventText::tr("%1 waits for its turn before line %2.").arg(who).arg(e.line);
    }
    if (op == QLatin1String("gate"))
        return EventText::tr("%1 takes a step.").arg(who);
    if (op == QLatin1String("run.start"))
        return EventText::tr("The run starts.");
    if (op == QLatin1String("run.end"))
        return EventText::tr("The run ends.");
    if (op == QLatin1String("process.run"))
        return EventText::tr("%1 starts (pid %2).").arg(e.text("name")).arg(e.pid);
    if (op == QLatin1String("process.exit"))
        return EventText::tr("%1 exits with code %2.").arg(who).arg(e.integer("exitcode"));
    if (op == QLatin1String("process.start") && ph == 'B')
        return EventText::tr("%1 starts %2: a real fork().").arg(who, e.text("name"));
    if (op == QLatin1String("process.join") && ph == 'B')
        return EventText::tr("%1 waits in join() for %2.").arg(who, e.text("name"));
    if (op == QLatin1String("pipe.create"))
        return EventText::tr("%1 creates a pipe: two connected ends.").arg(who);
    if (op == QLatin1String("conn.send") && ph == 'B')
        return EventText::tr("%1 calls %2: %3 bytes with the length prefix.").arg(who, callWith(state, op, e.obj, e.text("value"))).arg(e.integer("bytes"));
    if (op == QLatin1String("conn.recv") && ph == 'B')
        return EventText::tr("%1 calls %2: it waits until a message arrives.").arg(who, callWith(state, op, e.obj));
    if (op == QLatin1String("conn.recv") && ph == 'E')
        return EventText::tr("%1: %2 returns %3.").arg(who, callWith(state, op, e.obj), e.text("value"));
    if (op == QLatin1String("conn.recv") && ph == 'F')
        return EventText::tr("%1: %2 raises %3: every sending end is closed and the pipe is empty.").arg(who, callWith(state, op, e.obj), e.text("exc"));
    if (op == QLatin1String("conn.close"))
        return EventText::tr("%1 calls %2: it closes its own copy of that end.").arg(who, callWith(state, op, e.obj));
    if (op == QLatin1String("queue.create"))
        return e.integer("maxsize") > 0 ? EventText::tr("%1 creates a %2 of at most %3 items: a pipe, a read lock, a write lock and a semaphore of %3 slots.")
                                              .arg(who, e.text("kind"))
                                              .arg(e.integer("maxsize"))
                                        : EventText::tr("%1 creates an unbounded %2: a pipe, a read lock and a write lock.").arg(who, e.text("kind"));
    if (op == QLatin1String("queue.put") && ph == 'B')
        return EventText::tr("%1 calls %2.").arg(who, callWith(state, op, e.obj, e.text("value")));
    if (op == QLatin1String("queue.put") && ph == 'F')
        return EventText::tr("%1: %2 raises queue.%3: no slot became free in time.").arg(who, callWith(state, op, e.obj), e.text("exc"));
    if (op == QLatin1String("buffer.append"))
        return EventText::tr("%1 appends %2 to its buffer of %3 and wakes its feeder thread; put() returns.")
            .arg(who, e.text("value"), state.objectLabel(e.obj));
    if (op == QLatin1String("feeder.wait") && ph == 'B')
        return EventText::tr("%1's feeder thread sleeps: its buffer is empty.").arg(who);
    if (op == QLatin1String("feeder.wait") && ph == 'E')
        return EventText::tr("%1's feeder thread wakes up.").arg(who);
    if (op == QLatin1String("feeder.pickle"))
        return EventText::tr("The feeder pickles the item: %1 bytes.").arg(e.integer("bytes"));
    if (op == QLatin1String("pipe.write") && ph == 'B')
        return EventText::tr("The feeder writes %1 bytes into the queue's pipe.").arg(e.integer("bytes"));
    if (op == QLatin1String("queue.get") && ph == 'B')
        return EventText::tr("%1 calls %2: it takes the read lock and reads the pipe.").arg(who, callWith(state, op, e.obj));
    if (op == QLatin1String("queue.get") && ph == 'E')
        return EventText::tr("%1: %2 returns %3.").arg(who, callWith(state, op, e.obj), e.text("value"));
    if (op == QLatin1String("queue.get") && ph == 'F')
        return EventText::tr("%1: %2 raises %3.").arg(who, callWith(state, op, e.obj), e.text("exc"));
    if ((op == QLatin1String("sync.acquire") && (ph == 'B' || ph == 'E')) || op == QLatin1String("sync.release")) {
        if (QString text = syncSentence(e, state, who); !text.isEmpty())
            return text;
        return EventText::tr("%1 goes on.").arg(who);
    }
    if (op == QLatin1String("proxy.call") && ph == 'B')
        return EventText::tr("%1 asks the manager's server for the shared object's %2 — a round trip to another process.")
            .arg(who, proxyCall(e.text("method"), e.text("args")));
    if (op == QLatin1String("proxy.call") && ph == 'E')
        return EventText::tr("%1: the manager answers %2.").arg(who, e.text("result"));
    if (op == QLatin1String("manager.handle") && ph == 'E')
        return EventText::tr("The manager did %1; the shared object is now %2.").arg(proxyCall(e.text("method"), e.text("args")), e.text("contents"));
    if (op == QLatin1String("exception"))
        return EventText::tr("%1: uncaught %2: %3").arg(who, e.text("type"), e.text("message"));
    if (op == QLatin1String("print")) {
        // What was printed, as one line of the log: the output pane shows it whole.
        QString text = e.text("text").trimmed().replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        if (text.size() > 80)
            text = text.left(79) + QStringLiteral("…");
        return EventText::tr("%1 prints: %2").arg(who, text);
    }
    if (op == QLatin1String("stmt"))
        return EventText::tr("%1 runs line %2.").arg(who).arg(e.line);
    if (op == QLatin1String("conn.send_bytes") && ph == 'B')
        return EventText::tr("%1 sends the bytes %2 as they are, no pickle (%3 bytes with the length prefix).")
            .arg(who, e.text("value"))
            .arg(e.integer("bytes"));
    if (op == QLatin1String("conn.recv_bytes") && ph == 'B')
        return EventText::tr("%1 calls %2: it waits until a message arrives.").arg(who, callWith(state, op, e.obj));
    if (op == QLatin1String("conn.recv_bytes") && ph == 'E')
        return EventText::tr("%1: %2 returns the bytes %3.").arg(who, callWith(state, op, e.obj), e.text("value"));
    if (op == QLatin1String("conn.poll") && ph == 'B')
        return EventText::tr("%1 calls %2: is there something to read?").arg(who, callWith(state, op, e.obj));
    if (op == QLatin1String("conn.poll") && ph == 'E')
        return e.flag("ready") ? EventText::tr("%1: %2 returns True: recv() would not wait now.").arg(who, callWith(state, op, e.obj))
                               : EventText::tr("%1: %2 returns False: nothing to read yet.").arg(who, callWith(state, op, e.obj));
    if (op == QLatin1String("buffer.pop"))
        return EventText::tr("%1's feeder thread takes the oldest item out of the buffer.").arg(who);
    if (op == QLatin1String("pipe.read") && ph == 'B')
        return EventText::tr("%1 reads the queue's pipe: it waits until a whole message is there.").arg(who);
    if (op == QLatin1String("pipe.read") && ph == 'E')
        return EventText::tr("%1 has read a whole message (%2 bytes) from the pipe of %3.").arg(who).arg(e.integer("bytes")).arg(state.objectLabel(e.obj));
    if (op == QLatin1String("queue.close"))
        return EventText::tr("%1 calls %2: this process will put nothing more.").arg(who, callWith(state, op, e.obj));
    if (op == QLatin1String("queue.task_done"))
        return e.flag("allDone") ? EventText::tr("%1 calls task_done(): every task is done, join() can return.").arg(who)
                                 : EventText::tr("%1 calls task_done(): one task fewer to wait for.").arg(who);
    if (op == QLatin1String("queue.join") && ph == 'B')
        return EventText::tr("%1 waits in join() until every item put is marked done.").arg(who);
    if (op == QLatin1String("thread.start"))
        return EventText::tr("%1 starts the thread %2.").arg(who, e.text("name"));
    if (op == QLatin1String("tqueue.put") && ph == 'B')
        return EventText::tr("%1 calls %2.").arg(who, callWith(state, op, e.obj, e.text("value")));
    if (op == QLatin1String("tqueue.get") && ph == 'E')
        return EventText::tr("%1: %2 returns %3.").arg(who, callWith(state, op, e.obj), e.text("value"));
    if (op == QLatin1String("object.name"))
        return EventText::tr("%1 names it %2.").arg(who, e.text("name"));
    if (ph == 'F' && !e.text("exc").isEmpty())
        return EventText::tr("%1: %2 raises %3.").arg(who, callWith(state, op, e.obj), e.text("exc"));
    if (op == QLatin1String("time.sleep") && ph == 'B')
        return EventText::tr("%1 sleeps.").arg(who);
    // A call without a sentence of its own: its Python name, when it has one, else the
    // vocabulary's wording for the activity (core/trace/protocol.h), never the internal name.
    const QString call = callWith(state, op, e.obj);
    if (const trace::Operation *entry = engine::operationOf(op); entry && !entry->python.empty()) {
        if (ph == 'B')
            return EventText::tr("%1 calls %2.").arg(who, call);
        if (ph == 'E')
            return EventText::tr("%1: %2 returns.").arg(who, call);
    }
    if (ph == 'B')
        return EventText::tr("%1: %2…").arg(who, call);
    if (ph == 'E')
        return EventText::tr("%1: %2, done.").arg(who, call);
    if (ph == 'F')
        return EventText::tr("%1: %2 failed.").arg(who, call);
    return EventText::tr("%1: %2.").arg(who, call);
}

} // namespace

} // namespace ipclab::ui
