#include "event_text.h"

#include "operation_words.h"

#include <QCoreApplication>

namespace ipclab::ui {

namespace {

// The context the event descriptions are translated in (lupdate reads EventText::tr calls).
struct EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)
};

} // namespace

QString describeEvent(const engine::TraceEvent &e, const engine::RunWatch &state)
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
        return EventText::tr("%1 sends %2 (%3 bytes with the length prefix).").arg(who, e.text("value")).arg(e.integer("bytes"));
    if (op == QLatin1String("conn.recv") && ph == 'B')
        return EventText::tr("%1 calls recv(): it blocks until a message arrives.").arg(who);
    if (op == QLatin1String("conn.recv") && ph == 'E')
        return EventText::tr("%1 receives %2.").arg(who, e.text("value"));
    if (op == QLatin1String("conn.recv") && ph == 'F')
        return EventText::tr("%1: recv() raises %2: every write end is closed and the pipe is empty.").arg(who, e.text("exc"));
    if (op == QLatin1String("conn.close"))
        return EventText::tr("%1 closes its copy of a pipe end.").arg(who);
    if (op == QLatin1String("queue.create"))
        return EventText::tr("%1 creates a %2: a pipe, a read lock, a write lock and a semaphore of %3 slots.")
            .arg(who, e.text("kind"))
            .arg(e.integer("maxsize"));
    if (op == QLatin1String("queue.put") && ph == 'B')
        return EventText::tr("%1 calls put(%2): first it takes a slot of the semaphore.").arg(who, e.text("value"));
    if (op == QLatin1String("queue.put") && ph == 'F')
        return EventText::tr("%1: put() raises queue.%2: no slot became free in time.").arg(who, e.text("exc"));
    if (op == QLatin1String("buffer.append"))
        return EventText::tr("%1 appends %2 to its buffer and wakes its feeder thread; put() returns.").arg(who, e.text("value"));
    if (op == QLatin1String("feeder.wait") && ph == 'B')
        return EventText::tr("%1's feeder thread sleeps: its buffer is empty.").arg(who);
    if (op == QLatin1String("feeder.wait") && ph == 'E')
        return EventText::tr("%1's feeder thread wakes up.").arg(who);
    if (op == QLatin1String("feeder.pickle"))
        return EventText::tr("The feeder pickles the item: %1 bytes.").arg(e.integer("bytes"));
    if (op == QLatin1String("pipe.write") && ph == 'B')
        return EventText::tr("The feeder writes %1 bytes into the queue's pipe.").arg(e.integer("bytes"));
    if (op == QLatin1String("queue.get") && ph == 'B')
        return EventText::tr("%1 calls get(): it takes the read lock and reads the pipe.").arg(who);
    if (op == QLatin1String("queue.get") && ph == 'E')
        return EventText::tr("%1 gets %2 and gives its slot back to the semaphore.").arg(who, e.text("value"));
    if (op == QLatin1String("queue.get") && ph == 'F')
        return EventText::tr("%1: get() raises %2.").arg(who, e.text("exc"));
    if (op == QLatin1String("sync.acquire") && ph == 'B')
        return EventText::tr("%1 calls acquire().").arg(who);
    if (op == QLatin1String("sync.acquire") && ph == 'E')
        return EventText::tr("%1 acquired it (value now %2).").arg(who).arg(e.integer("value"));
    if (op == QLatin1String("sync.release"))
        return EventText::tr("%1 releases it (value now %2).").arg(who).arg(e.integer("value"));
    if (op == QLatin1String("proxy.call") && ph == 'B')
        return EventText::tr("%1 asks the manager: %2%3 — a round trip to the server process.").arg(who, e.text("method"), e.text("args"));
    if (op == QLatin1String("manager.handle") && ph == 'E')
        return EventText::tr("The manager handled %1; the shared object is now %2.").arg(e.text("method"), e.text("contents"));
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
        return EventText::tr("%1 calls recv_bytes(): it blocks until a message arrives.").arg(who);
    if (op == QLatin1String("conn.recv_bytes") && ph == 'E')
        return EventText::tr("%1 receives the bytes %2.").arg(who, e.text("value"));
    if (op == QLatin1String("conn.poll") && ph == 'B')
        return EventText::tr("%1 calls poll(): is there something to read?").arg(who);
    if (op == QLatin1String("conn.poll") && ph == 'E')
        return e.flag("ready") ? EventText::tr("%1: poll() returns True: recv() would not block now.").arg(who)
                               : EventText::tr("%1: poll() returns False: nothing to read yet.").arg(who);
    if (op == QLatin1String("buffer.pop"))
        return EventText::tr("%1's feeder thread takes the oldest item out of the buffer.").arg(who);
    if (op == QLatin1String("pipe.read") && ph == 'B')
        return EventText::tr("%1 reads the queue's pipe: it waits until a whole message is there.").arg(who);
    if (op == QLatin1String("pipe.read") && ph == 'E')
        return EventText::tr("%1 has read %2 bytes from the queue's pipe.").arg(who).arg(e.integer("bytes"));
    if (op == QLatin1String("queue.close"))
        return EventText::tr("%1 closes the queue: this process will put nothing more.").arg(who);
    if (op == QLatin1String("queue.task_done"))
        return e.flag("allDone") ? EventText::tr("%1 calls task_done(): every task is done, join() can return.").arg(who)
                                 : EventText::tr("%1 calls task_done(): one task fewer to wait for.").arg(who);
    if (op == QLatin1String("queue.join") && ph == 'B')
        return EventText::tr("%1 waits in join() until every item put is marked done.").arg(who);
    if (op == QLatin1String("thread.start"))
        return EventText::tr("%1 starts the thread %2.").arg(who, e.text("name"));
    if (op == QLatin1String("tqueue.put") && ph == 'B')
        return EventText::tr("%1 puts %2 into a thread queue.").arg(who, e.text("value"));
    if (op == QLatin1String("tqueue.get") && ph == 'E')
        return EventText::tr("%1 gets %2 from a thread queue.").arg(who, e.text("value"));
    if (ph == 'F' && !e.text("exc").isEmpty())
        return EventText::tr("%1: %2 raises %3.").arg(who, engine::callName(op), e.text("exc"));
    if (op == QLatin1String("time.sleep") && ph == 'B')
        return EventText::tr("%1 sleeps.").arg(who);
    // A call without a sentence of its own: its Python name, when it has one, else the
    // vocabulary's wording for the activity (core/trace/protocol.h), never the internal name.
    const QString call = engine::callName(op);
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

} // namespace ipclab::ui
