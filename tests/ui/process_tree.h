#pragma once
// The processes a test started, found through /proc: what must be gone after a run.

#include <QDir>
#include <QFile>
#include <QList>

// Live processes below `root` (zombies excluded), through every thread's children list.
inline QList<qint64> descendants(qint64 root)
{
    QList<qint64> out;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(root));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile children(tasks.filePath(task + QStringLiteral("/children")));
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &pid : children.readAll().trimmed().split(' ')) {
            if (pid.isEmpty())
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(pid)));
            if (stat.open(QIODevice::ReadOnly)) {
                const QByteArray text = stat.readAll();
                if (text.mid(text.lastIndexOf(')') + 2, 1) == "Z")
                    continue;
            }
            out.append(pid.toLongLong());
            out += descendants(pid.toLongLong());
        }
    }
    return out;
}
