#include "lesson_editor.h"

#include "code_view.h"
#include "scenario.h"
#include "scenario_catalogue.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextBlock>

namespace ipclab::ui {

LessonEditor::LessonEditor(CodeView &code, QObject *parent)
    : QObject(parent)
    , m_code(code)
{
    m_check.setSingleShot(true);
    m_check.setInterval(kCheckDelayMs);
    m_recovery.setSingleShot(true);
    m_recovery.setInterval(kRecoveryDelayMs);
    connect(&m_check, &QTimer::timeout, this, &LessonEditor::checkNow);
    connect(&m_recovery, &QTimer::timeout, this, &LessonEditor::writeRecovery);
    connect(&m_code, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_code.editing())
            return;
        m_check.start();
        if (modified())
            m_recovery.start();
        if (modified() != m_wasModified) {
            m_wasModified = modified();
            emit modifiedChanged(m_wasModified);
        }
    });
}

void LessonEditor::setLesson(const QString &path, const QByteArray &saved)
{
    m_path = path;
    m_saved = saved;
    m_check.stop();
    m_recovery.stop();
    m_problems.clear();
    m_code.setProblemMarks({});
    m_wasModified = false;
    emit problemsChanged(m_problems);
    emit modifiedChanged(false);
}

bool LessonEditor::modified() const
{
    return text() != m_saved;
}

QByteArray LessonEditor::text() const
{
    return m_code.toPlainText().toUtf8();
}

QString LessonEditor::save(const QString &path)
{
    // Written whole to a temporary file, then renamed over the old one: a full disk or a crash
    // in between leaves the old lesson as it was.
    // Unbuffered, and the size checked before the rename: a short write (a full disk, a size
    // limit) is then an error, where a buffered QSaveFile was seen to commit the first 64 bytes.
    QSaveFile file(path);
    const QByteArray bytes = text();
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && file.write(bytes) == bytes.size() && file.size() == bytes.size();
    if (!written) {
        const QString reason = file.error() != QFileDevice::NoError ? file.errorString() : tr("the disk took only part of the lesson");
        file.cancelWriting();
        return tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), reason);
    }
    if (!file.commit())
        return tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    forgetRecovery();
    m_path = path;
    m_saved = bytes;
    m_wasModified = false;
    emit modifiedChanged(false);
    return {};
}

void LessonEditor::checkNow()
{
    m_check.stop();
    const QString name = QFileInfo(m_path).fileName().isEmpty() ? QStringLiteral("lesson.py") : QFileInfo(m_path).fileName();
    const QByteArray bytes = text();
    QStringList problems;
    const lang::LoadedScenario loaded = lang::loadScenarioText(name.toStdString(), bytes.toStdString());
    for (const auto &d : loaded.problems)
        problems << QString::fromStdString(d.format());
    problems << describeScenario(name, bytes).problems;
    m_problems = problems;
    // Each problem underlined where it is: from its column to the end of the word there.
    QList<QTextEdit::ExtraSelection> marks;
    static const QRegularExpression where(QStringLiteral("^[^:]*:(\\d+):(\\d+):"));
    for (const QString &problem : std::as_const(m_problems)) {
        const QRegularExpressionMatch m = where.match(problem);
        if (!m.hasMatch())
            continue;
        const QTextBlock block = m_code.document()->findBlockByNumber(m.captured(1).toInt() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        const int column = std::clamp(m.captured(2).toInt() - 1, 0, std::max(0, static_cast<int>(block.text().size()) - 1));
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::MoveAnchor, column);
        mark.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!mark.cursor.hasSelection())
            mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(QColor(0xdc, 0x26, 0x26));
        mark.format.setToolTip(problem);
        marks << mark;
    }
    m_code.setProblemMarks(marks);
    emit problemsChanged(m_problems);
}

QString LessonEditor::recoveryFolder()
{
    const QByteArray chosen = qgetenv("IPCLAB_RECOVERY_DIR");
    return !chosen.isEmpty() ? QString::fromLocal8Bit(chosen) : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString LessonEditor::recoveryFor(const QString &lessonPath)
{
    const QByteArray key = QCryptographicHash::hash(lessonPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return recoveryFolder() + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".py");
}

QStringList LessonEditor::recoveries()
{
    QStringList lessons;
    const QDir folder(recoveryFolder());
    for (const QString &copy : folder.entryList({ QStringLiteral("*.py") }, QDir::Files)) {
        QFile from(folder.filePath(copy + QStringLiteral(".from")));
        if (from.open(QIODevice::ReadOnly))
            lessons << QString::fromUtf8(from.readAll());
    }
    return lessons;
}

void LessonEditor::writeRecovery()
{
    if (!modified() || m_path.isEmpty())
        return;
    QDir().mkpath(recoveryFolder());
    const QString copy = recoveryFor(m_path);
    QSaveFile text(copy);
    QSaveFile from(copy + QStringLiteral(".from"));
    const QByteArray bytes = this->text();
    if (text.open(QIODevice::WriteOnly) && text.write(bytes) == bytes.size() && text.commit() && from.open(QIODevice::WriteOnly)) {
        from.write(m_path.toUtf8());
        from.commit();
    }
}

void LessonEditor::forgetRecovery()
{
    m_recovery.stop();
    if (m_path.isEmpty())
        return;
    QFile::remove(recoveryFor(m_path));
    QFile::remove(recoveryFor(m_path) + QStringLiteral(".from"));
}

} // namespace ipclab::ui
