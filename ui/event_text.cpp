#include "event_text.h"

#include <QCoreApplication>

namespace ipclab::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EventText", text);
}

} // namespace

QString describeEvent(const engine::TraceEvent &e, const engine::RunWatch &state)
{
    auto proc = state.processes().find(e.pid);
    const QString who = proc != state.processes().end() && !proc->second.name.isEmpty() ? proc->second.name : QStringLiteral("pid %1").arg(e.pid);
    const QString &op = e.op;
    const char ph = e.ph;
    if (op == QLatin1String("gate") && ph == 'B') {
        const QString point = e.text("point");
        if (point == QLatin1String("proxy.call"))
            return tr("%1 waits for its turn, about to call the manager: %2").arg(who, e.text("detail"));
        if (point == QLatin1String("queue.buffer"))
            return tr("%1 waits for its turn: it took a slot of the queue's semaphore, and %2 is not in the buffer yet.").arg(who, e.text("detail"));
        if (point == QLatin1String("feeder.write"))
            return tr("%1's feeder thread waits for its turn, about to write an item into the pipe.").arg(who);
        if (e.flag("breakpoint"))
            return tr("%1 stops at the breakpoint on line %2.").arg(who).arg(e.line);
        return tr("%1 waits for its turn before line %2.").arg(who).arg(e.line);
    }
    if (op == QLatin1String("gate"))
        return tr("%1 takes a step.").arg(who);
    if (op == QLatin1String("run.start"))
        return tr("The run starts.");
    if (op == QLatin1String("run.end"))
        return tr("The run ends.");
    if (op == QLatin1String("process.run"))
        return tr("%1 starts (pid %2).").arg(e.text("name")).arg(e.pid);
    if (op == QLatin1String("process.exit"))
        return tr("%1 exits with code %2.").arg(who).arg(e.integer("exitcode"));
    if (op == QLatin1String("process.start") && ph == 'B')
        return tr("%1 starts %2: a real fork().").arg(who, e.text("name"));
    if (op == QLatin1String("process.join") && ph == 'B')
        return tr("%1 waits in join() for %2.").arg(who, e.text("name"));
    if (op == QLatin1String("pipe.create"))
        return tr("%1 creates a pipe: two connected ends.").arg(who);
    if (op == QLatin1String("conn.send") && ph == 'B')
        return tr("%1 sends %2 (%3 bytes with the length prefix).").arg(who, e.text("value")).arg(e.integer("bytes"));
    if (op == QLatin1String("conn.recv") && ph == 'B')
        return tr("%1 calls recv(): it blocks until a message arrives.").arg(who);
    if (op == QLatin1String("conn.recv") && ph == 'E')
        return tr("%1 receives %2.").arg(who, e.text("value"));
    if (op == QLatin1String("conn.recv") && ph == 'F')
        return tr("%1: recv() raises %2: every write end is closed and the pipe is empty.").arg(who, e.text("exc"));
    if (op == QLatin1String("conn.close"))
        return tr("%1 closes its copy of a pipe end.").arg(who);
    if (op == QLatin1String("queue.create"))
        return tr("%1 creates a %2: a pipe, a read lock, a write lock and a semaphore of %3 slots.").arg(who, e.text("kind")).arg(e.integer("maxsize"));
    if (op == QLatin1String("queue.put") && ph == 'B')
        return tr("%1 calls put(%2): first it takes a slot of the semaphore.").arg(who, e.text("value"));
    if (op == QLatin1String("queue.put") && ph == 'F')
        return tr("%1: put() raises queue.%2: no slot became free in time.").arg(who, e.text("exc"));
    if (op == QLatin1String("buffer.append"))
        return tr("%1 appends %2 to its buffer and wakes its feeder thread; put() returns.").arg(who, e.text("value"));
    if (op == QLatin1String("feeder.wait") && ph == 'B')
        return tr("%1's feeder thread sleeps: its buffer is empty.").arg(who);
    if (op == QLatin1String("feeder.wait") && ph == 'E')
        return tr("%1's feeder thread wakes up.").arg(who);
    if (op == QLatin1String("feeder.pickle"))
        return tr("The feeder pickles the item: %1 bytes.").arg(e.integer("bytes"));
    if (op == QLatin1String("pipe.write") && ph == 'B')
        return tr("The feeder writes %1 bytes into the queue's pipe.").arg(e.integer("bytes"));
    if (op == QLatin1String("queue.get") && ph == 'B')
        return tr("%1 calls get(): it takes the read lock and reads the pipe.").arg(who);
    if (op == QLatin1String("queue.get") && ph == 'E')
        return tr("%1 gets %2 and gives its slot back to the semaphore.").arg(who, e.text("value"));
    if (op == QLatin1String("queue.get") && ph == 'F')
        return tr("%1: get() raises %2.").arg(who, e.text("exc"));
    if (op == QLatin1String("sync.acquire") && ph == 'B')
        return tr("%1 calls acquire().").arg(who);
    if (op == QLatin1String("sync.acquire") && ph == 'E')
        return tr("%1 acquired it (value now %2).").arg(who).arg(e.integer("value"));
    if (op == QLatin1String("sync.release"))
        return tr("%1 releases it (value now %2).").arg(who).arg(e.integer("value"));
    if (op == QLatin1String("proxy.call") && ph == 'B')
        return tr("%1 asks the manager: %2%3 — a round trip to the server process.").arg(who, e.text("method"), e.text("args"));
    if (op == QLatin1String("manager.handle") && ph == 'E')
        return tr("The manager handled %1; the shared object is now %2.").arg(e.text("method"), e.text("contents"));
    if (op == QLatin1String("exception"))
        return tr("%1: uncaught %2: %3").arg(who, e.text("type"), e.text("message"));
    if (op == QLatin1String("stmt"))
        return tr("%1 runs line %2.").arg(who).arg(e.line);
    if (op == QLatin1String("time.sleep") && ph == 'B')
        return tr("%1 sleeps.").arg(who);
    const QString phase = ph == 'B' ? tr("begins") : ph == 'E' ? tr("ends") : ph == 'F' ? tr("fails") : QString();
    return QStringLiteral("%1: %2 %3").arg(who, op, phase).trimmed();
}

} // namespace ipclab::ui
