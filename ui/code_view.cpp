#include "code_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolTip>

namespace ipclab::ui {

namespace {

constexpr int kMarkLeft = 16; // right of the breakpoint dot

int leadingSpaces(const QString &text)
{
    int n = 0;
    while (n < text.size() && text.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

class Gutter final : public QWidget {
public:
    explicit Gutter(CodeView *code)
        : QWidget(code)
        , m_code(code)
    {
        setCursor(Qt::PointingHandCursor);
        setToolTip(CodeView::tr("Click a line number to set or clear a breakpoint (F9)"));
    }
    QSize sizeHint() const override { return { m_code->gutterWidth(), 0 }; }

protected:
    bool event(QEvent *e) override
    {
        if (e->type() == QEvent::ToolTip) {
            // Over a line's mark: the lesson's words for it; elsewhere, how breakpoints work.
            auto *help = static_cast<QHelpEvent *>(e);
            const QString note = m_code->noteAt(help->pos().y());
            QToolTip::showText(help->globalPos(), note.isEmpty() ? toolTip() : note, this);
            return true;
        }
        return QWidget::event(e);
    }
    void paintEvent(QPaintEvent *event) override { m_code->paintGutter(event); }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (const int line = m_code->lineAt(static_cast<int>(event->position().y())))
            m_code->toggleBreakpoint(line);
    }

private:
    CodeView *m_code;
};

} // namespace

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setReadOnly(true);
    // Long lines wrap at the panel's edge, and the gutter marks each continuation with ↪:
    // no code is cut off on a laptop, and nobody mistakes a wrapped tail for a line of its own.
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::textChanged, this, &CodeView::clearBreakpoints);
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int CodeView::gutterWidth() const
{
    // A breakpoint dot, a lesson mark, the number, and a gap so that numbers never touch the code.
    const int digits = static_cast<int>(QString::number(std::max(1, blockCount())).size());
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    return kMarkLeft + (digit + 6) + 4 + digit * std::max(2, digits) + digit;
}

void CodeView::setMarginNotes(std::map<int, MarginNote> notes)
{
    m_notes = std::move(notes);
    m_gutter->update();
}

QString CodeView::noteAt(int y) const
{
    auto note = m_notes.find(lineAt(y));
    return note != m_notes.end() ? note->second.text : QString();
}

void CodeView::toggleBreakpoint(int line)
{
    if (!m_breakpoints.erase(line))
        m_breakpoints.insert(line);
    m_gutter->update();
    emit breakpointsChanged(m_breakpoints);
}

void CodeView::clearBreakpoints()
{
    if (m_breakpoints.empty())
        return;
    m_breakpoints.clear();
    m_gutter->update();
    emit breakpointsChanged(m_breakpoints);
}

void CodeView::setHiddenLines(const std::set<int> &lines)
{
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next()) {
        const bool visible = !lines.count(block.blockNumber() + 1);
        if (block.isVisible() == visible)
            continue;
        block.setVisible(visible);
        document()->markContentsDirty(block.position(), block.length()); // lays the block out again, at height 0 when hidden
    }
    viewport()->update();
    m_gutter->update();
}

QString CodeView::visibleText() const
{
    QStringList shown;
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next())
        if (block.isVisible())
            shown << block.text();
    return shown.join(QLatin1Char('\n'));
}

int CodeView::lineAt(int y) const
{
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (!block.isVisible())
            continue;
        const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
        if (box.top() > y)
            break;
        if (y < box.bottom())
            return block.blockNumber() + 1;
    }
    return 0;
}

void CodeView::paintGutter(QPaintEvent *event)
{
    QPainter p(m_gutter);
    p.fillRect(event->rect(), QColor(0xf3, 0xf4, 0xf6));
    p.setFont(font());
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (!block.isVisible())
            continue; // folded away: its number would overprint the next line's
        const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
        if (box.top() > event->rect().bottom())
            break;
        const int line = block.blockNumber() + 1;
        const int height = fontMetrics().height();
        if (m_breakpoints.count(line)) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xdc, 0x26, 0x26));
            const int d = std::min(12, height - 4);
            p.drawEllipse(QRect(4, static_cast<int>(box.top()) + (height - d) / 2, d, d));
        }
        const int digitWidth = fontMetrics().horizontalAdvance(QLatin1Char('9'));
        if (auto note = m_notes.find(line); note != m_notes.end()) {
            const QRect mark(kMarkLeft, static_cast<int>(box.top()) + 1, digitWidth + 6, height - 2);
            p.setPen(Qt::NoPen);
            p.setBrush(note->second.mark == QLatin1Char('?') ? QColor(0xfd, 0xe6, 0x8a) : QColor(0xbf, 0xdb, 0xfe));
            p.drawRoundedRect(mark, 4, 4);
            p.setPen(QColor(0x1f, 0x29, 0x37));
            p.drawText(mark, Qt::AlignCenter, QString(note->second.mark));
        }
        p.setPen(QColor(0x6b, 0x72, 0x80));
        p.drawText(QRect(0, static_cast<int>(box.top()), m_gutter->width() - digitWidth, height), Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
        if (const QTextLayout *layout = block.layout())
            for (int i = 1; i < layout->lineCount(); ++i)
                p.drawText(QRect(0, static_cast<int>(box.top() + layout->lineAt(i).y()), m_gutter->width() - digitWidth, height),
                    Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("↪"));
    }
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        // A new type size (zoom, presentation mode): the numbers' column grows with it, and the
        // current line stays where the class can see it.
        setViewportMargins(gutterWidth(), 0, 0, 0);
        const QRect r = contentsRect();
        m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
        ensureCursorVisible();
    }
}

void CodeView::setEditing(bool on)
{
    setReadOnly(!on);
    setTextInteractionFlags(on ? Qt::TextEditorInteraction : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setCursorWidth(on ? 2 : 1);
}

void CodeView::setLineMarks(const QList<QTextEdit::ExtraSelection> &marks)
{
    m_lineMarks = marks;
    setExtraSelections(m_lineMarks + m_problemMarks);
}

void CodeView::setProblemMarks(const QList<QTextEdit::ExtraSelection> &marks)
{
    m_problemMarks = marks;
    setExtraSelections(m_lineMarks + m_problemMarks);
}

std::pair<int, int> CodeView::selectedLines() const
{
    // The blocks the selection touches; a selection ending at a line's start leaves that line out.
    const QTextCursor cursor = textCursor();
    const int end = std::max(cursor.selectionStart(), cursor.selectionEnd() - (cursor.hasSelection() ? 1 : 0));
    return { document()->findBlock(cursor.selectionStart()).blockNumber(), document()->findBlock(end).blockNumber() };
}

void CodeView::indent(bool in)
{
    // Python's four spaces, on every line of the selection (or the cursor's line).
    QTextCursor cursor = textCursor();
    const auto [first, last] = selectedLines();
    cursor.beginEditBlock();
    for (int n = first; n <= last; ++n) {
        QTextBlock block = document()->findBlockByNumber(n);
        QTextCursor line(block);
        if (in) {
            line.insertText(QStringLiteral("    "));
        } else {
            int spaces = 0;
            while (spaces < 4 && spaces < block.text().size() && block.text().at(spaces) == QLatin1Char(' '))
                ++spaces;
            line.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, spaces);
            line.removeSelectedText();
        }
    }
    cursor.endEditBlock();
}

void CodeView::toggleComment()
{
    if (!editing())
        return;
    QTextCursor cursor = textCursor();
    const auto [first, last] = selectedLines();
    bool allComments = true;
    for (int n = first; n <= last; ++n) {
        const QString text = document()->findBlockByNumber(n).text().trimmed();
        allComments &= text.isEmpty() || text.startsWith(QLatin1Char('#'));
    }
    cursor.beginEditBlock();
    for (int n = first; n <= last; ++n) {
        const QTextBlock block = document()->findBlockByNumber(n);
        const QString text = block.text();
        if (text.trimmed().isEmpty())
            continue;
        const int indentWidth = leadingSpaces(text);
        QTextCursor line(block);
        line.movePosition(QTextCursor::NextCharacter, QTextCursor::MoveAnchor, indentWidth);
        if (allComments) {
            const int remove = text.mid(indentWidth).startsWith(QLatin1String("# ")) ? 2 : 1;
            line.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, remove);
            line.removeSelectedText();
        } else {
            line.insertText(QStringLiteral("# "));
        }
    }
    cursor.endEditBlock();
}

void CodeView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F9) {
        toggleBreakpoint(textCursor().blockNumber() + 1);
        return;
    }
    if (editing() && (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) && !(event->modifiers() & Qt::ControlModifier)) {
        const bool out = event->key() == Qt::Key_Backtab || (event->modifiers() & Qt::ShiftModifier);
        if (!out && !textCursor().hasSelection()) {
            // At the cursor: up to the next multiple of four.
            const int column = textCursor().positionInBlock();
            textCursor().insertText(QString(4 - column % 4, QLatin1Char(' ')));
        } else {
            indent(!out);
        }
        return;
    }
    if (editing() && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        // A new line keeps the indentation, and opens a block after a colon.
        const QString before = textCursor().block().text().left(textCursor().positionInBlock());
        QString indentText(leadingSpaces(before), QLatin1Char(' '));
        if (before.trimmed().endsWith(QLatin1Char(':')))
            indentText += QStringLiteral("    ");
        textCursor().insertText(QStringLiteral("\n") + indentText);
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace ipclab::ui
