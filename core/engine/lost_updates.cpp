#include "lost_updates.h"

#include <QCoreApplication>

#include <algorithm>

namespace ipclab::engine {

namespace {

// `text` split at each `separator` outside strings and brackets, every part trimmed.
QStringList splitTopLevel(QStringView text, QChar separator)
{
    QStringList parts;
    QString current;
    int depth = 0;
    QChar quote;
    bool escaped = false;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            // Inside a string: only its closing quote matters.
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            --depth;
        } else if (c == separator && depth == 0) {
            parts << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    parts << current.trimmed();
    return parts;
}

// A dict entry "'n': 2" as its key and value.
std::pair<QString, QString> dictEntry(const QString &entry)
{
    const QStringList parts = splitTopLevel(entry, QLatin1Char(':'));
    if (parts.size() != 2)
        return {};
    return { parts.first(), parts.last() };
}

} // namespace

QStringList reprItems(const QString &repr)
{
    const QString text = repr.trimmed();
    if (text.size() < 2)
        return {};
    QStringList items = splitTopLevel(QStringView(text).mid(1, text.size() - 2), QLatin1Char(','));
    if (!items.isEmpty() && items.last().isEmpty())
        items.removeLast(); // ("n",) ends with a comma: no empty item after it
    return items;
}

LostUpdateDetector::Actor &LostUpdateDetector::actor(int id)
{
    return m_actors[id];
}

QString LostUpdateDetector::nameOf(int pid, int tid) const
{
    const auto process = m_processNames.find(pid);
    QString name = process != m_processNames.end() ? process->second : QStringLiteral("pid %1").arg(pid);
    const auto main = m_mainThread.find(pid);
    const auto thread = m_threadNames.find(tid);
    if (tid != 0 && tid != pid && (main == m_mainThread.end() || main->second != tid) && thread != m_threadNames.end())
        name += QLatin1Char(' ') + thread->second;
    return name;
}

LostUpdateStep LostUpdateDetector::step(const Access &access, bool isWrite) const
{
    LostUpdateStep s;
    s.index = access.index;
    const auto a = m_actors.find(access.actor);
    if (a != m_actors.end()) {
        s.pid = a->second.pid;
        s.who = a->second.who;
    }
    s.value = access.value;
    s.write = isWrite;
    return s;
}

void LostUpdateDetector::read(const QString &cell, int actorId, int index, const QString &value)
{
    Actor &a = actor(actorId);
    a.lastRead[cell] = { index, actorId, value };
    a.readVersion[cell] = static_cast<int>(m_cells[cell].writes.size()) - 1; // the cell holds its latest write
}

void LostUpdateDetector::write(const QString &cellKey, int actorId, int index, const QString &value)
{
    Cell &cell = m_cells[cellKey];
    Actor &b = actor(actorId);
    Write w { { index, actorId, value }, {}, 0 };
    const auto read = b.lastRead.find(cellKey);
    const auto ownWrite = b.lastWrite.find(cellKey);
    // Only a write made from a read counts: a blind write (n = 0) starts a new line of
    // versions, and a read already used by an earlier write of the same thread is spent.
    if (read != b.lastRead.end() && (ownWrite == b.lastWrite.end() || ownWrite->second < read->second.index)) {
        const int version = b.readVersion[cellKey];
        const int readDepth = version >= 0 ? cell.writes[static_cast<std::size_t>(version)].depth : 0;
        w.basedOn = read->second;
        w.depth = readDepth + 1;
        const int current = static_cast<int>(cell.writes.size()) - 1;
        if (current > version) {
            // Others wrote since B's read: B's write replaces their latest version with one made
            // from what B read, and the versions in between are lost. (Fewer, or none, when the
            // latest was itself made from a stale read: B's write then restores what that one lost.)
            const Write &over = cell.writes[static_cast<std::size_t>(current)];
            const int lost = over.depth - readDepth;
            // A write of the very value B read changed nothing B missed; an overwritten write
            // with no read of its own is not the four steps.
            if (lost > 0 && over.basedOn.index >= 0 && over.access.value != read->second.value) {
                LostUpdate found;
                found.steps = { step(over.basedOn, false), step(read->second, false), step(over.access, true), step(w.access, true) };
                // In the order they happened; the lost write is always the last of the four.
                std::sort(found.steps.begin(), found.steps.begin() + 3, [](const auto &x, const auto &y) { return x.index < y.index; });
                found.lost = lost;
                m_found.push_back(std::move(found));
            }
        }
    }
    b.lastWrite[cellKey] = index;
    cell.writes.push_back(std::move(w));
}

void LostUpdateDetector::managerCall(const TraceEvent &e, int index)
{
    // A Manager's server runs one request at a time under its interpreter lock, between
    // this thread's manager.handle begin and end: their order is the shared object's.
    if (e.ph == 'B') {
        m_serving[e.tid] = { e.text("method"), e.text("args") };
        if (const int client = static_cast<int>(e.integer("client")); client > 0)
            m_connectionClient[e.tid] = client;
        return;
    }
    const auto open = m_serving.find(e.tid);
    if (open == m_serving.end())
        return;
    const auto [method, args] = open->second;
    m_serving.erase(open);
    if (e.ph != 'E')
        return; // a failed call (KeyError) neither read nor wrote
    Actor &a = actor(e.tid);
    if (a.who.isEmpty()) {
        // A connection is one client thread's; name it after the process that asked.
        const auto client = m_connectionClient.find(e.tid);
        a.pid = client != m_connectionClient.end() ? client->second : 0;
        a.who = a.pid ? nameOf(a.pid, 0) : QStringLiteral("tid %1").arg(e.tid);
    }
    const QString object = QStringLiteral("m%1/%2/").arg(e.pid).arg(e.integer("ref"));
    const QStringList items = reprItems(args);
    if ((method == QLatin1String("__getitem__") || method == QLatin1String("get")) && !items.isEmpty()) {
        read(object + items.first(), e.tid, index, e.text("result"));
    } else if (method == QLatin1String("get_value")) {
        read(object, e.tid, index, e.text("result"));
    } else if (method == QLatin1String("__setitem__") && items.size() == 2) {
        write(object + items.first(), e.tid, index, items.at(1));
    } else if (method == QLatin1String("set_value") && items.size() == 1) {
        write(object, e.tid, index, items.first());
    } else if (method == QLatin1String("update") && items.size() == 1 && items.first().startsWith(QLatin1Char('{'))) {
        for (const QString &entry : reprItems(items.first())) {
            const auto [key, value] = dictEntry(entry);
            if (!key.isEmpty())
                write(object + key, e.tid, index, value);
        }
    }
}

void LostUpdateDetector::apply(const TraceEvent &e, int index)
{
    const QString &op = e.op;
    if (op == QLatin1String("manager.handle")) {
        managerCall(e, index);
    } else if (op == QLatin1String("shared.read") || op == QLatin1String("shared.write")) {
        Actor &a = actor(e.tid);
        if (a.who.isEmpty()) {
            a.pid = e.pid;
            a.who = nameOf(e.pid, e.tid);
        }
        // The same bytes of the same segment: a Value, or one element of an Array.
        const QString cell = QStringLiteral("s%1/%2/%3").arg(e.obj).arg(e.integer("offset")).arg(e.integer("size"));
        if (op == QLatin1String("shared.read"))
            read(cell, e.tid, index, e.text("value"));
        else
            write(cell, e.tid, index, e.text("value"));
    } else if (op == QLatin1String("process.run")) {
        m_processNames[e.pid] = e.text("name");
        m_mainThread[e.pid] = e.tid;
    } else if (op == QLatin1String("thread.start")) {
        m_threadNames[e.tid] = e.text("name");
    }
}

std::vector<LostUpdate> findLostUpdates(const std::vector<TraceEvent> &events)
{
    LostUpdateDetector detector;
    for (std::size_t i = 0; i < events.size(); ++i)
        detector.apply(events[i], static_cast<int>(i));
    return detector.found();
}

QString narrate(const LostUpdate &update)
{
    // The wording, once: each step, the separator, and the outcome.
    QStringList steps;
    for (const LostUpdateStep &s : update.steps)
        steps << (s.write ? QCoreApplication::translate("LostUpdates", "%1 wrote %2") : QCoreApplication::translate("LostUpdates", "%1 read %2"))
                     .arg(s.who, s.value);
    const QString outcome = update.lost == 1 ? QCoreApplication::translate("LostUpdates", "one update lost")
                                             : QCoreApplication::translate("LostUpdates", "%1 updates lost").arg(update.lost);
    return steps.join(QStringLiteral(" · ")) + QStringLiteral(" → ") + outcome;
}

} // namespace ipclab::engine
