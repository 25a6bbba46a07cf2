#include "code_view.h"

#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>

namespace ipclab::ui {

namespace {

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
    setLineWrapMode(QPlainTextEdit::NoWrap);
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
    const int digits = static_cast<int>(QString::number(std::max(1, blockCount())).size());
    return 22 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(2, digits);
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
        p.setPen(QColor(0x6b, 0x72, 0x80));
        p.drawText(QRect(0, static_cast<int>(box.top()), m_gutter->width() - 4, height), Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
    }
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void CodeView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F9) {
        toggleBreakpoint(textCursor().blockNumber() + 1);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace ipclab::ui
