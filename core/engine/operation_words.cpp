#include "operation_words.h"

#include <QHash>

#include <atomic>

namespace ipclab::engine {

namespace {

std::atomic<bool> g_chinese { false };

} // namespace

const trace::Operation *operationOf(const QString &op)
{
    // Readers ask for every event of a run: a hash over the table instead of a scan per call.
    static const QHash<QString, const trace::Operation *> byName = [] {
        QHash<QString, const trace::Operation *> table;
        for (const trace::Operation &entry : trace::operations())
            table.insert(QString::fromUtf8(entry.name.data(), static_cast<qsizetype>(entry.name.size())), &entry);
        return table;
    }();
    return byName.value(op, nullptr);
}

trace::Blocking blockingOf(const QString &op)
{
    const trace::Operation *entry = operationOf(op);
    return entry ? entry->blocking : trace::Blocking::Neither;
}

trace::Route routeOf(const QString &op)
{
    const trace::Operation *entry = operationOf(op);
    return entry ? entry->route : trace::Route::None;
}

QString operationWords(const QString &op)
{
    const trace::Operation *entry = operationOf(op);
    if (!entry)
        return g_chinese ? QStringLiteral("一个操作") : QStringLiteral("an operation");
    const std::string_view words = g_chinese ? entry->chinese : entry->english;
    return QString::fromUtf8(words.data(), static_cast<qsizetype>(words.size()));
}

QString callName(const QString &op)
{
    const trace::Operation *entry = operationOf(op);
    if (entry && !entry->python.empty())
        return QString::fromUtf8(entry->python.data(), static_cast<qsizetype>(entry->python.size()));
    return operationWords(op);
}

bool isIpcOperation(const QString &op)
{
    const trace::Operation *entry = operationOf(op);
    if (!entry || entry->blocking == trace::Blocking::Idle)
        return false;
    if (op == QLatin1String("manager.handle") || op == QLatin1String("object.name") || op == QLatin1String("gate"))
        return false;
    return !entry->python.empty() || entry->route != trace::Route::None || op.startsWith(QLatin1String("process."));
}

void setChineseWording(bool chinese)
{
    g_chinese = chinese;
}

bool chineseWording()
{
    return g_chinese;
}

} // namespace ipclab::engine
