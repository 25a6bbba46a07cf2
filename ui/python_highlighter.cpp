#include "python_highlighter.h"

namespace ipclab::ui {

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    auto format = [](const QColor &colour, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    const QString keywords = QStringLiteral("\\b(and|as|assert|break|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|"
                                            "not|or|pass|raise|return|try|while|with|None|True|False)\\b");
    const QString builtins
        = QStringLiteral("\\b(print|len|range|list|dict|set|tuple|str|int|float|bytes|bytearray|sorted|enumerate|zip|isinstance|repr|sum|min|max)\\b");
    m_rules.push_back({ QRegularExpression(keywords), format(QColor(0x7c, 0x3a, 0xed), true) });
    m_rules.push_back({ QRegularExpression(builtins), format(QColor(0x1d, 0x4e, 0xd8)) });
    m_rules.push_back({ QRegularExpression(QStringLiteral("\\b[0-9]+(\\.[0-9]+)?\\b")), format(QColor(0xb4, 0x53, 0x09)) });
    m_rules.push_back(
        { QRegularExpression(QStringLiteral("[rbf]?(\"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\"|'[^'\\\\]*(\\\\.[^'\\\\]*)*')")), format(QColor(0x04, 0x78, 0x57)) });
    m_rules.push_back({ QRegularExpression(QStringLiteral("#[^\\n]*")), format(QColor(0x6b, 0x72, 0x80), false, true) });
    // Lesson metadata (`# ipclab:explain en: ...`) is for the window, which shows it elsewhere: fainter.
    m_rules.push_back({ QRegularExpression(QStringLiteral("#\\s*ipclab:[^\\n]*")), format(QColor(0xb8, 0xb2, 0xac), false, true) });
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : m_rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()), rule.format);
        }
    }
}

} // namespace ipclab::ui
