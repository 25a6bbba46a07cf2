#pragma once
// The built-in scenarios, with what each carries in its comments (the format
// is in docs/scenario-format.md): title and summary in English and Chinese,
// its place in the course (`# ipclab:lesson 1.2`, `# ipclab:chapter en: ...`),
// explanations of key lines and questions with answers for self-study.

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace ipclab::ui {

/// A text in both languages of the lab; `text("zh_CN")` falls back to English when Chinese is missing.
struct BilingualText {
    QString en, zh;
    QString text(const QString &language) const;
    bool complete() const { return !en.isEmpty() && !zh.isEmpty(); }
};

struct Answer {
    BilingualText text;
    bool correct = false;
};

/// "What does recv() do now?", asked when the replay reaches its line in self-study mode.
struct Question {
    BilingualText text;
    std::vector<Answer> answers;
};

struct ScenarioInfo {
    QString path; ///< ":/scenarios/01_pipe_eof.py" or a file on disk
    QString fileName;
    QString titleEn, titleZh, summaryEn, summaryZh;
    BilingualText chapter; ///< the course chapter it belongs to ("Pipes")
    int chapterNumber = -1, lessonNumber = -1; ///< `# ipclab:lesson 1.2`: chapter 1, lesson 2; -1 when absent
    std::map<int, BilingualText> explanations; ///< by 1-based line of the code they explain
    std::map<int, Question> questions; ///< by 1-based line
    QStringList problems; ///< metadata that could not be attached (an explanation with no line after it...)
    QString title(const QString &language) const;
    QString summary(const QString &language) const;
};

/// Reads the metadata of one scenario's text.
ScenarioInfo describeScenario(const QString &path, const QByteArray &source);
/// Every scenario built into the application, in course order (chapter, lesson, then file name).
std::vector<ScenarioInfo> builtInScenarios();
/// True for a language code of the Chinese interface ("zh_CN", "zh").
bool isChinese(const QString &language);

} // namespace ipclab::ui
