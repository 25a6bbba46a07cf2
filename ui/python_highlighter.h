#pragma once
// Python colouring for the code panel: keywords, built-ins, strings, numbers, comments.

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace ipclab::ui {

class PythonHighlighter final : public QSyntaxHighlighter {
public:
    explicit PythonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> m_rules;
};

} // namespace ipclab::ui
