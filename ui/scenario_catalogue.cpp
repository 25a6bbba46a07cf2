#include "scenario_catalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <climits>

namespace ipclab::ui {

bool isChinese(const QString &language)
{
    return language.startsWith(QLatin1String("zh"));
}

QString BilingualText::text(const QString &language) const
{
    return isChinese(language) && !zh.isEmpty() ? zh : en;
}

QString ScenarioInfo::title(const QString &language) const
{
    const QString &preferred = isChinese(language) ? titleZh : titleEn;
    if (!preferred.isEmpty())
        return preferred;
    return titleEn.isEmpty() ? fileName : titleEn;
}

QString ScenarioInfo::summary(const QString &language) const
{
    const QString &preferred = isChinese(language) ? summaryZh : summaryEn;
    return preferred.isEmpty() ? summaryEn : preferred;
}

namespace {

void setLanguage(BilingualText &text, const QString &language, const QString &value)
{
    (language == QLatin1String("zh") ? text.zh : text.en) = value;
}

} // namespace

ScenarioInfo describeScenario(const QString &path, const QByteArray &source)
{
    ScenarioInfo info;
    info.path = path;
    info.fileName = QFileInfo(path).fileName();
    // `# ipclab:KEY LANG: text` — KEY one of title, summary, chapter, explain, question,
    // answer, answer* (the right answer); LANG en or zh. Line-bound keys collect until the
    // next line that is neither a comment nor blank, and attach to it.
    static const QRegularExpression bilingual(QStringLiteral("^# ipclab:(title|summary|chapter|explain|question|answer\\*?) (en|zh):\\s*(.*)$"));
    static const QRegularExpression lesson(QStringLiteral("^# ipclab:lesson (\\d+)\\.(\\d+)\\s*$"));
    BilingualText pendingExplanation;
    Question pendingQuestion;
    int pendingFrom = 0; // the line of the first pending comment, for the problem report
    int enAnswers = 0, zhAnswers = 0;
    const QList<QByteArray> lines = source.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (const auto m = lesson.match(line); m.hasMatch()) {
            info.chapterNumber = m.captured(1).toInt();
            info.lessonNumber = m.captured(2).toInt();
            continue;
        }
        if (const auto m = bilingual.match(line); m.hasMatch()) {
            const QString key = m.captured(1), language = m.captured(2), value = m.captured(3).trimmed();
            if (key == QLatin1String("title"))
                (language == QLatin1String("zh") ? info.titleZh : info.titleEn) = value;
            else if (key == QLatin1String("summary"))
                (language == QLatin1String("zh") ? info.summaryZh : info.summaryEn) = value;
            else if (key == QLatin1String("chapter"))
                setLanguage(info.chapter, language, value);
            else {
                if (!pendingFrom)
                    pendingFrom = lineNumber;
                if (key == QLatin1String("explain"))
                    setLanguage(pendingExplanation, language, value);
                else if (key == QLatin1String("question"))
                    setLanguage(pendingQuestion.text, language, value);
                else {
                    // Answers pair up in order: the n-th English one with the n-th Chinese one.
                    int &count = language == QLatin1String("zh") ? zhAnswers : enAnswers;
                    if (pendingQuestion.answers.size() <= static_cast<std::size_t>(count))
                        pendingQuestion.answers.emplace_back();
                    Answer &answer = pendingQuestion.answers[static_cast<std::size_t>(count++)];
                    setLanguage(answer.text, language, value);
                    const bool correct = key.endsWith(QLatin1Char('*'));
                    if (language == QLatin1String("en"))
                        answer.correct = correct;
                    else if (answer.correct != correct && !answer.text.en.isEmpty())
                        info.problems << QStringLiteral("line %1: the English and Chinese answers disagree on which is right").arg(lineNumber);
                }
            }
            continue;
        }
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || !pendingFrom)
            continue;
        // The first code line after the pending comments: they explain it.
        if (!pendingExplanation.en.isEmpty() || !pendingExplanation.zh.isEmpty())
            info.explanations[lineNumber] = pendingExplanation;
        if (!pendingQuestion.text.en.isEmpty() || !pendingQuestion.text.zh.isEmpty() || !pendingQuestion.answers.empty()) {
            if (enAnswers != zhAnswers)
                info.problems << QStringLiteral("line %1: %2 English answers but %3 Chinese ones").arg(pendingFrom).arg(enAnswers).arg(zhAnswers);
            info.questions[lineNumber] = pendingQuestion;
        }
        pendingExplanation = {};
        pendingQuestion = {};
        pendingFrom = enAnswers = zhAnswers = 0;
    }
    if (pendingFrom)
        info.problems << QStringLiteral("line %1: an explanation or question with no code line after it").arg(pendingFrom);
    if (info.titleEn.isEmpty()) {
        // A scenario without the header: its first comment line names it.
        for (const QByteArray &raw : lines) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.startsWith(QLatin1Char('#'))) {
                info.titleEn = line.mid(1).trimmed();
                break;
            }
        }
    }
    return info;
}

std::vector<ScenarioInfo> builtInScenarios()
{
    std::vector<ScenarioInfo> out;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &name : dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.push_back(describeScenario(dir.filePath(name), f.readAll()));
    }
    // Course order: file names are stable identifiers, the lesson header says where each belongs.
    // Scenarios without one come last, by name.
    std::stable_sort(out.begin(), out.end(), [](const ScenarioInfo &a, const ScenarioInfo &b) {
        const auto key = [](const ScenarioInfo &s) { return std::pair(s.chapterNumber < 0 ? INT_MAX : s.chapterNumber, s.lessonNumber); };
        return key(a) < key(b);
    });
    return out;
}

} // namespace ipclab::ui
