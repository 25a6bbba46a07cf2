#include "scenario_catalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <optional>

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

bool isEmpty(const BilingualText &text)
{
    return text.en.isEmpty() && text.zh.isEmpty();
}

/// `at=VALUE` of a question: nothing when VALUE is none of the forms docs/scenario-format.md lists.
std::optional<AskAt> parseAskAt(const QString &value)
{
    if (value == QLatin1String("first"))
        return AskAt { AskAt::Nth, 1 };
    if (value == QLatin1String("last"))
        return AskAt { AskAt::Last, 0 };
    if (value == QLatin1String("raises"))
        return AskAt { AskAt::Raises, 0 };
    if (value == QLatin1String("blocks"))
        return AskAt { AskAt::Blocks, 0 };
    if (value == QLatin1String("hangs"))
        return AskAt { AskAt::Hangs, 0 };
    static const QRegularExpression count(QStringLiteral("^[1-9][0-9]{0,5}$"));
    if (count.match(value).hasMatch())
        return AskAt { AskAt::Nth, value.toInt() };
    return std::nullopt;
}

/// Reads the `# ipclab:` comments of one scenario, reporting every malformed one by position.
class AnnotationReader {
public:
    explicit AnnotationReader(ScenarioInfo &info)
        : m_info(info)
    {
    }

    void read(const QByteArray &source)
    {
        const QList<QByteArray> lines = source.split('\n');
        for (int i = 0; i < lines.size(); ++i)
            readLine(i + 1, QString::fromUtf8(lines.at(i)));
        if (m_pendingLine)
            problem(m_pendingLine, m_pendingColumn, QStringLiteral("an explanation or question with no code line after it; expected a line of code below"));
    }

private:
    void problem(int line, int column, const QString &message)
    {
        m_info.problems << QStringLiteral("%1:%2:%3: %4").arg(m_info.fileName).arg(line).arg(column).arg(message);
    }

    /// A malformed question, answer or why: the question is reported and then left out, never
    /// asked with a made-up default (nor reported again for what is missing).
    void questionProblem(int line, int column, const QString &message)
    {
        problem(line, column, message);
        m_questionBroken = true;
        if (!m_pendingLine) {
            m_pendingLine = line;
            m_pendingColumn = column;
        }
        m_info.selfStudyLines.insert(line);
    }

    void readLine(int lineNumber, const QString &raw)
    {
        const QString line = raw.trimmed();
        const int indent = static_cast<int>(raw.indexOf(QLatin1Char('#')));
        static const QLatin1String prefix("# ipclab:");
        if (!line.startsWith(prefix)) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || !m_pendingLine)
                return;
            attach(lineNumber); // the first code line after the pending comments: they are about it
            return;
        }
        // Columns are 1-based characters of the raw line; `at` gives the column of rest[k].
        const QString rest = line.mid(prefix.size());
        const int base = indent + static_cast<int>(prefix.size()) + 1;
        const auto at = [base](qsizetype k) { return base + static_cast<int>(k); };
        const qsizetype keyEnd = rest.indexOf(QRegularExpression(QStringLiteral("\\s")));
        const QString key = keyEnd < 0 ? rest : rest.left(keyEnd);
        const QString args = keyEnd < 0 ? QString() : rest.mid(keyEnd);
        if (key == QLatin1String("lesson")) {
            static const QRegularExpression lesson(QStringLiteral("^\\s+(\\d+)\\.(\\d+)\\s*$"));
            if (const auto m = lesson.match(args); m.hasMatch()) {
                m_info.chapterNumber = m.captured(1).toInt();
                m_info.lessonNumber = m.captured(2).toInt();
            } else {
                problem(lineNumber, at(key.size() + 1),
                    QStringLiteral("expected the lesson's place as CHAPTER.LESSON after `# ipclab:lesson`, e.g. `# ipclab:lesson 1.4`"));
            }
            return;
        }
        if (key == QLatin1String("varies")) {
            if (args.trimmed().isEmpty())
                problem(lineNumber, at(key.size() + 1), QStringLiteral("expected a regular expression after `# ipclab:varies`"));
            return;
        }
        if (key == QLatin1String("expect")) {
            if (args.trimmed() != QLatin1String("hang"))
                problem(lineNumber, at(key.size() + 1), QStringLiteral("expected `hang` after `# ipclab:expect`"));
            return;
        }
        static const QStringList bilingual { QStringLiteral("title"), QStringLiteral("summary"), QStringLiteral("chapter"), QStringLiteral("explain"),
            QStringLiteral("question"), QStringLiteral("answer"), QStringLiteral("answer*"), QStringLiteral("why") };
        if (!bilingual.contains(key)) {
            problem(lineNumber, at(0),
                QStringLiteral("unknown annotation `# ipclab:%1`; expected one of title, summary, chapter, lesson, explain, question, answer, answer*, why, "
                               "varies, expect")
                    .arg(key));
            return;
        }
        const bool aboutQuestion = key == QLatin1String("question") || key.startsWith(QLatin1String("answer")) || key == QLatin1String("why");
        const auto report
            = [&](int line, int column, const QString &message) { aboutQuestion ? questionProblem(line, column, message) : problem(line, column, message); };
        // KEY [at=WHEN] LANG: text — options (only `at=`, only on a question) before the language.
        std::optional<AskAt> when;
        qsizetype k = key.size();
        QString language, value;
        while (true) {
            while (k < rest.size() && rest.at(k).isSpace())
                ++k;
            if (k >= rest.size()) {
                report(lineNumber, at(k), QStringLiteral("expected `en:` or `zh:` and the text after `# ipclab:%1`").arg(key));
                return;
            }
            qsizetype end = k;
            while (end < rest.size() && !rest.at(end).isSpace())
                ++end;
            const QString token = rest.mid(k, end - k);
            if (token.startsWith(QLatin1String("en:")) || token.startsWith(QLatin1String("zh:"))) {
                language = token.left(2);
                value = rest.mid(k + 3).trimmed();
                if (value.isEmpty()) {
                    report(lineNumber, at(k + 3), QStringLiteral("expected text after `%1:`").arg(language));
                    return;
                }
                break;
            }
            if (key == QLatin1String("question") && token.startsWith(QLatin1String("at="))) {
                when = parseAskAt(token.mid(3));
                if (!when) {
                    report(lineNumber, at(k + 3),
                        QStringLiteral("`%1`: expected at=first, at=last, at=N (the N-th time the line runs, from 1), at=raises, at=blocks or at=hangs")
                            .arg(token));
                    return;
                }
            } else if (key == QLatin1String("question")) {
                report(lineNumber, at(k), QStringLiteral("unexpected `%1`; expected `at=WHEN` or `en:` / `zh:` and the question").arg(token));
                return;
            } else {
                report(lineNumber, at(k), QStringLiteral("unexpected `%1`; expected `en:` or `zh:` after `# ipclab:%2`").arg(token, key));
                return;
            }
            k = end;
        }
        if (key == QLatin1String("title"))
            (language == QLatin1String("zh") ? m_info.titleZh : m_info.titleEn) = value;
        else if (key == QLatin1String("summary"))
            (language == QLatin1String("zh") ? m_info.summaryZh : m_info.summaryEn) = value;
        else if (key == QLatin1String("chapter"))
            setLanguage(m_info.chapter, language, value);
        else
            lineBound(lineNumber, at(0), key, language, value, when);
    }

    void lineBound(int lineNumber, int column, const QString &key, const QString &language, const QString &value, const std::optional<AskAt> &when)
    {
        if (!m_pendingLine) {
            m_pendingLine = lineNumber;
            m_pendingColumn = column;
        }
        int &answers = language == QLatin1String("zh") ? m_zhAnswers : m_enAnswers;
        if (key == QLatin1String("explain")) {
            setLanguage(m_explanation, language, value);
            return;
        }
        m_info.selfStudyLines.insert(lineNumber);
        if (key == QLatin1String("question")) {
            if (!m_questionLine) {
                m_questionLine = lineNumber;
                m_questionColumn = column;
            }
            setLanguage(m_question.text, language, value);
            if (when) {
                if (m_when && !(*m_when == *when))
                    questionProblem(
                        lineNumber, column, QStringLiteral("the English and Chinese question ask at different moments; expected the same `at=` on both"));
                m_when = when;
            }
        } else if (key == QLatin1String("why")) {
            if (isEmpty(m_question.text) && m_question.answers.empty()) {
                problem(lineNumber, column, QStringLiteral("`# ipclab:why` with no question before it; expected it after a question or one of its answers"));
                return;
            }
            // Before the first answer it is the question's; after one, that answer's (the last
            // one in the same language).
            if (answers == 0)
                setLanguage(m_question.why, language, value);
            else
                setLanguage(m_question.answers[static_cast<std::size_t>(answers - 1)].why, language, value);
        } else {
            // Answers pair up in order: the n-th English one with the n-th Chinese one.
            if (!m_questionLine) {
                m_questionLine = lineNumber;
                m_questionColumn = column;
            }
            if (m_question.answers.size() <= static_cast<std::size_t>(answers))
                m_question.answers.emplace_back();
            Answer &answer = m_question.answers[static_cast<std::size_t>(answers++)];
            setLanguage(answer.text, language, value);
            const bool correct = key.endsWith(QLatin1Char('*'));
            if (language == QLatin1String("en") || answer.text.en.isEmpty())
                answer.correct = correct;
            else if (answer.correct != correct)
                questionProblem(lineNumber, column,
                    QStringLiteral("the English and Chinese answers disagree on which is right; expected `answer*` on the same answer in both"));
        }
    }

    void attach(int lineNumber)
    {
        if (!isEmpty(m_explanation))
            m_info.explanations[lineNumber] = m_explanation;
        if (m_questionLine && !m_questionBroken) {
            int right = 0;
            for (const Answer &a : m_question.answers)
                right += a.correct ? 1 : 0;
            if (isEmpty(m_question.text))
                problem(m_questionLine, m_questionColumn, QStringLiteral("answers with no question; expected `# ipclab:question en: ...` before them"));
            else if (m_enAnswers != m_zhAnswers)
                problem(m_questionLine, m_questionColumn,
                    QStringLiteral("%1 English answers but %2 Chinese ones; expected them in pairs").arg(m_enAnswers).arg(m_zhAnswers));
            else if (m_question.answers.size() < 2)
                problem(m_questionLine, m_questionColumn, QStringLiteral("a question with fewer than two answers; expected `# ipclab:answer` lines below it"));
            else if (right != 1)
                problem(m_questionLine, m_questionColumn, QStringLiteral("%1 answers are marked right; expected exactly one `# ipclab:answer*`").arg(right));
            else {
                m_question.at = m_when.value_or(AskAt {});
                m_info.questions[lineNumber] = m_question;
            }
        }
        m_explanation = {};
        m_question = {};
        m_when.reset();
        m_questionBroken = false;
        m_pendingLine = m_pendingColumn = m_questionLine = m_questionColumn = m_enAnswers = m_zhAnswers = 0;
    }

    ScenarioInfo &m_info;
    BilingualText m_explanation;
    Question m_question;
    std::optional<AskAt> m_when;
    bool m_questionBroken = false;
    int m_pendingLine = 0, m_pendingColumn = 0; ///< the first pending comment, for the problem report
    int m_questionLine = 0, m_questionColumn = 0;
    int m_enAnswers = 0, m_zhAnswers = 0;
};

} // namespace

ScenarioInfo describeScenario(const QString &path, const QByteArray &source)
{
    ScenarioInfo info;
    info.path = path;
    info.fileName = QFileInfo(path).fileName();
    // `# ipclab:KEY [OPTIONS] LANG: text` and the few keys without a language; the format is in
    // docs/scenario-format.md. Line-bound keys collect until the next line that is neither a
    // comment nor blank, and attach to it.
    AnnotationReader(info).read(source);
    if (info.titleEn.isEmpty()) {
        // A scenario without the header: its first comment line names it.
        for (const QByteArray &raw : source.split('\n')) {
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
