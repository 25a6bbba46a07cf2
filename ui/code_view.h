#pragma once
// The code panel: the scenario's text with line numbers and breakpoints in a
// gutter (click a number, or F9 on the cursor's line); read-only, or an editor in Edit mode.

#include <QPlainTextEdit>

#include <map>
#include <set>

namespace ipclab::ui {

class CodeView final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);

    const std::set<int> &breakpoints() const { return m_breakpoints; }
    void toggleBreakpoint(int line);
    void clearBreakpoints();
    int gutterWidth() const;
    /// Paints the gutter (line numbers, breakpoint dots); called by the gutter widget.
    void paintGutter(QPaintEvent *event);
    /// The line at a y coordinate of the gutter (0: none).
    int lineAt(int y) const;
    /// Folds these 1-based lines away (the rest shown), keeping every line's number: self-study
    /// hides the question and answer comments, which would give the right answer away.
    void setHiddenLines(const std::set<int> &lines);
    /// The text a reader can see: every line not folded away.
    QString visibleText() const;
    /// Small marks in the margin of lines the lesson explains ("i") or asks about ("?"); hovering
    /// one shows its text (in the interface's language, questions without their answers).
    struct MarginNote {
        QChar mark;
        QString text;
    };
    void setMarginNotes(std::map<int, MarginNote> notes);
    const std::map<int, MarginNote> &marginNotes() const { return m_notes; }
    /// The note shown for a gutter position (empty: none).
    QString noteAt(int y) const;

    /// Edit mode: the text can be typed in (undo, redo, Tab indents by four spaces).
    void setEditing(bool on);
    bool editing() const { return !isReadOnly(); }
    /// Comments the selected lines out with "# ", or back in when all of them are comments.
    void toggleComment();
    /// The marks of the run's current lines (the window's) and of the checker's problems (the
    /// editor's): each is kept when the other changes.
    void setLineMarks(const QList<QTextEdit::ExtraSelection> &marks);
    void setProblemMarks(const QList<QTextEdit::ExtraSelection> &marks);
    const QList<QTextEdit::ExtraSelection> &problemMarks() const { return m_problemMarks; }

signals:
    void breakpointsChanged(const std::set<int> &lines);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *m_gutter;
    std::set<int> m_breakpoints;
    std::map<int, MarginNote> m_notes;
    QList<QTextEdit::ExtraSelection> m_lineMarks, m_problemMarks;
    void indent(bool in);
    std::pair<int, int> selectedLines() const;
};

} // namespace ipclab::ui
