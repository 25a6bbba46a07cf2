#pragma once
// The built-in scenarios, with the title and summary each carries in its
// header comments (`# ipclab:title en: ...`, `# ipclab:summary zh: ...`).

#include <QString>
#include <QStringList>
#include <vector>

namespace ipclab::ui {

struct ScenarioInfo {
    QString path; ///< ":/scenarios/01_pipe_eof.py" or a file on disk
    QString fileName;
    QString titleEn, titleZh, summaryEn, summaryZh;
    QString title(const QString &language) const;
    QString summary(const QString &language) const;
};

/// Reads the metadata of one scenario's text.
ScenarioInfo describeScenario(const QString &path, const QByteArray &source);
/// Every scenario built into the application, in course order.
std::vector<ScenarioInfo> builtInScenarios();

} // namespace ipclab::ui
