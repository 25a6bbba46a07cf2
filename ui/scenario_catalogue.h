#pragma once
// The built-in scenarios, with what each carries in its comments (the format
// is in docs/scenario-format.md): title and summary in English and Chinese,
// its place in the course (`# ipclab:lesson 1.2`, `# ipclab:chapter en: ...`),
// explanations of key lines and questions with answers for self-study.

#include <QString>
#include <QStringList>

#include <map>
#include <set>
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
    BilingualText why; ///< `# ipclab:why` after this answer: why it is (or is not) right; may be empty
    bool correct = false;
};

/// Which execution of its line a question is asked before (`# ipclab:question at=...`).
struct AskAt {
    enum Kind {
        Nth, ///< `at=N` (`at=first` is N = 1, the default): the N-th time the line runs
        Last, ///< `at=last`: the last time it runs
        Raises, ///< `at=raises`: the first time a call on it raises (the recv() that raises EOFError)
        Blocks, ///< `at=blocks`: the first time a call on it has to wait for another thread or process
        Hangs, ///< `at=hangs`: the call on it that never returns (the run ends as a hang inside it)
    };
    Kind kind = Nth;
    int n = 1; ///< for Nth
    bool operator==(const AskAt &) const = default;
};

/// "What does recv() do now?", asked in self-study mode just before the chosen execution of
/// its line, and answered by what that execution does (its outcome).
struct Question {
    BilingualText text;
    BilingualText why; ///< `# ipclab:why` between the question and its first answer; may be empty
    std::vector<Answer> answers;
    AskAt at;
};

struct ScenarioInfo {
    QString path; ///< ":/scenarios/01_pipe_eof.py" or a file on disk
    QString fileName;
    QString titleEn, titleZh, summaryEn, summaryZh;
    BilingualText chapter; ///< the course chapter it belongs to ("Pipes")
    int chapterNumber = -1, lessonNumber = -1; ///< `# ipclab:lesson 1.2`: chapter 1, lesson 2; -1 when absent
    std::map<int, BilingualText> explanations; ///< by 1-based line of the code they explain
    std::map<int, Question> questions; ///< by 1-based line
    /// The lines of the `question`, `answer` and `why` comments: the code panel hides them in
    /// self-study, where they would give the right answer away.
    std::set<int> selfStudyLines;
    /// Malformed or unattached metadata, each as "FILE:LINE:COLUMN: what was expected".
    QStringList problems;
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
