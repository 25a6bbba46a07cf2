#pragma once
// Edit mode's bookkeeping around the code panel: the checker a moment after typing stops (the
// same one as `ipclab check`), problems underlined where they are, an unsaved-changes flag,
// saves that never leave half a file, and a recovery copy every few seconds while the text has
// unsaved changes, offered back after a crash.

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace ipclab::ui {

class CodeView;

class LessonEditor final : public QObject {
    Q_OBJECT
public:
    explicit LessonEditor(CodeView &code, QObject *parent = nullptr);

    /// The lesson now in the panel: its path (":/..." for a built-in one) and text as saved.
    void setLesson(const QString &path, const QByteArray &saved);
    bool modified() const;
    QByteArray text() const;
    /// Writes the text to `path` through a temporary file renamed into place; the error, if any.
    QString save(const QString &path);
    /// Drops the unsaved text's recovery copy (after a save, or when the author discards it).
    void forgetRecovery();
    /// The problems found at the last check, as FILE:LINE:COL: message.
    const QStringList &problems() const { return m_problems; }
    /// Checks now rather than after the pause (tests, and Run).
    void checkNow();

    /// Where the recovery copies live; tests point it elsewhere.
    static QString recoveryFolder();
    /// Recovery copies left by a window that did not close: the lesson's path for each copy.
    static QStringList recoveries();
    /// A recovery copy's path, and its text.
    static QString recoveryFor(const QString &lessonPath);

    static constexpr int kCheckDelayMs = 400;
    static constexpr int kRecoveryDelayMs = 3000;

signals:
    void problemsChanged(const QStringList &problems);
    void modifiedChanged(bool modified);

private:
    void writeRecovery();
    CodeView &m_code;
    QString m_path;
    QByteArray m_saved;
    QStringList m_problems;
    QTimer m_check, m_recovery;
    bool m_wasModified = false;
};

} // namespace ipclab::ui
