// What a class reads is Python's words only: every lesson of the catalogue, run for real,
// walked in English and 简体中文 to every 50th event and the last. At each stop every
// string the window shows is collected (item texts, labels, buttons, tooltips, "What is
// happening", the event log, and the texts painted on the stage and the timeline), and none
// may show an operation's internal name from the trace vocabulary, an address or the
// semaphore's maximum value. Also: the lessons' objects carry their Python names.

#include "code_view.h"
#include "ipc.h"
#include "language.h"
#include "main_window.h"
#include "output_pane.h"
#include "protocol.h"
#include "run_controller.h"
#include "scenario_catalogue.h"
#include "stage_view.h"
#include "timeline_view.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace ipclab;

namespace {

/// The vocabulary's internal names a student could mistake for Python: those with a dot that
/// are not themselves the Python call ("time.sleep" is Python's own name).
const std::vector<QRegularExpression> &internalNames()
{
    static const std::vector<QRegularExpression> patterns = [] {
        std::vector<QRegularExpression> list;
        for (const trace::Operation &op : trace::operations()) {
            const QString name = QString::fromUtf8(op.name.data(), static_cast<qsizetype>(op.name.size()));
            const QString python = QString::fromUtf8(op.python.data(), static_cast<qsizetype>(op.python.size()));
            if (!name.contains(QLatin1Char('.')) || python.startsWith(name + QLatin1Char('(')))
                continue;
            // As a word of its own, not a call the lesson wrote on a variable that happens to share it.
            list.emplace_back(QStringLiteral("(?<![\\w.])%1(?![\\w(])").arg(QRegularExpression::escape(name)));
        }
        return list;
    }();
    return patterns;
}

QString problemIn(const QString &text)
{
    static const QRegularExpression address(QStringLiteral("0x[0-9a-fA-F]{6,}"));
    if (address.match(text).hasMatch())
        return QStringLiteral("an address");
    if (text.contains(QLatin1String("2147483647")))
        return QStringLiteral("the semaphore's maximum value");
    for (const QRegularExpression &name : internalNames())
        if (const auto m = name.match(text); m.hasMatch())
            return QStringLiteral("the internal name '%1'").arg(m.captured());
    return {};
}

/// Every string the window shows now, with where it was seen.
QList<QPair<QString, QString>> shownTexts(ui::MainWindow &window)
{
    QList<QPair<QString, QString>> texts;
    auto add = [&](const QString &where, const QString &text) {
        if (!text.isEmpty())
            texts.append({ where, text });
    };
    QImage stageImage(1400, 900, QImage::Format_RGB32);
    {
        QPainter p(&stageImage);
        window.stage()->paintStage(p, stageImage.rect());
    }
    for (const QString &t : window.stage()->paintedTexts())
        add(QStringLiteral("stage"), t);
    for (const ui::DrawnElement &e : window.stage()->drawnElements())
        add(QStringLiteral("stage element"), e.label);
    QImage timelineImage(1400, 400, QImage::Format_RGB32);
    {
        QPainter p(&timelineImage);
        window.timeline()->paintTimeline(p, timelineImage.rect());
    }
    for (const QString &t : window.timeline()->paintedTexts())
        add(QStringLiteral("timeline"), t);
    add(QStringLiteral("What is happening"), window.explanation());
    add(QStringLiteral("window title"), window.windowTitle());
    for (QWidget *w : window.findChildren<QWidget *>()) {
        add(QStringLiteral("tooltip"), w->toolTip());
        if (auto *label = qobject_cast<QLabel *>(w))
            add(QStringLiteral("label"), label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(QStringLiteral("button"), button->text());
        else if (auto *list = qobject_cast<QListWidget *>(w))
            for (int i = 0; i < list->count(); ++i) {
                add(QStringLiteral("list"), list->item(i)->text());
                add(QStringLiteral("list tooltip"), list->item(i)->toolTip());
            }
        else if (auto *edit = qobject_cast<QTextEdit *>(w))
            add(QStringLiteral("text"), edit->toPlainText());
        else if (auto *tree = qobject_cast<QTreeWidget *>(w))
            for (QTreeWidgetItemIterator it(tree); *it; ++it)
                for (int column = 0; column < tree->columnCount(); ++column) {
                    add(QStringLiteral("tree"), (*it)->text(column));
                    add(QStringLiteral("tree tooltip"), (*it)->toolTip(column));
                }
        else if (auto *combo = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                add(QStringLiteral("choice"), combo->itemText(i));
    }
    for (QAction *a : window.findChildren<QAction *>()) {
        add(QStringLiteral("action"), a->text());
        add(QStringLiteral("action tooltip"), a->toolTip());
    }
    return texts;
}

} // namespace

class TestWords : public QObject {
    Q_OBJECT

    std::unique_ptr<ui::MainWindow> runLesson(const QString &path)
    {
        auto window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()) || !window->openScenario(path))
            return nullptr;
        QSignalSpy finished(&window->controller(), &ui::RunController::runFinished);
        if (!window->runScenario() || !finished.wait(120000)) // a safety net: lessons take seconds
            return nullptr;
        window->controller().pause();
        return window;
    }

private slots:
    void initTestCase()
    {
        ipc::registerModules();
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_words"));
        QSettings().remove(QStringLiteral("language"));
        QSettings().remove(QStringLiteral("selfStudy"));
    }

    void cleanupTestCase() { QSettings().remove(QStringLiteral("language")); }

    void everyLessonSpeaksPython_data()
    {
        QTest::addColumn<QString>("path");
        const auto catalogue = ui::builtInScenarios();
        QVERIFY(catalogue.size() >= 24);
        for (const ui::ScenarioInfo &info : catalogue)
            QTest::newRow(qPrintable(info.fileName)) << info.path;
    }

    void everyLessonSpeaksPython()
    {
        QFETCH(QString, path);
        const auto window = runLesson(path);
        QVERIFY(window);
        auto &c = window->controller();
        const int size = c.model().size();
        QVERIFY(size > 0);
        int stops = 0;
        for (const QString &language : { QStringLiteral("en"), QStringLiteral("zh_CN") }) {
            window->setLanguage(language);
            // Every 50th event; in the few lessons of tens of thousands of events (the races),
            // evenly spaced stops, at most 200 per language, so the walk stays minutes long.
            const int stride = std::max(50, size / 200);
            for (int position = 0;; position = std::min(position + stride, size)) {
                c.seek(position);
                QCoreApplication::processEvents();
                for (const auto &[where, text] : shownTexts(*window))
                    if (const QString problem = problemIn(text); !problem.isEmpty())
                        QFAIL(
                            qPrintable(QStringLiteral("%1, event %2 of %3, %4 shows %5: %6").arg(language).arg(position).arg(size).arg(where, problem, text)));
                ++stops;
                if (position == size)
                    break;
            }
        }
        window->setLanguage(QStringLiteral("en"));
        QVERIFY(stops >= 2);
    }

    // The Queue(3) lesson's two queues are `q` and `done` on the stage, as in its code.
    void queuesAreNamedOnTheStage()
    {
        const auto window = runLesson(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/03_queue_full_blocks.py"));
        QVERIFY(window);
        auto &c = window->controller();
        c.seek(c.model().size());
        const auto texts = shownTexts(*window);
        QStringList queues;
        for (const ui::DrawnElement &e : window->stage()->drawnElements())
            if (e.kind == QLatin1String("queue"))
                queues << e.label;
        QVERIFY2(queues.contains(QStringLiteral("q = Queue(maxsize=3)")), qPrintable(queues.join(QLatin1String(" | "))));
        QVERIFY2(queues.contains(QStringLiteral("done = Queue()")), qPrintable(queues.join(QLatin1String(" | "))));
        // The timeline's spans say the call on the name.
        QVERIFY2(
            window->timeline()->paintedTexts().contains(QStringLiteral("q.put()")) || window->timeline()->paintedTexts().contains(QStringLiteral("q.get()")),
            qPrintable(window->timeline()->paintedTexts().join(QLatin1String(" | "))));
        Q_UNUSED(texts);
    }

    // The forgotten close: the diagnosis names both ends as the lesson does, in both languages.
    void forgottenCloseNamesTheEnds()
    {
        const auto window = runLesson(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/02_pipe_forgotten_close.py"));
        QVERIFY(window);
        auto &c = window->controller();
        c.seek(c.model().size());
        QCoreApplication::processEvents();
        const QString english = window->explanation();
        QVERIFY2(
            english.contains(QStringLiteral("receiver.recv()")) && english.contains(QStringLiteral("sender, the sending end, is still open in MainProcess")),
            qPrintable(english));
        window->setLanguage(QStringLiteral("zh_CN"));
        QTRY_VERIFY(window->explanation() != english); // the window says it again in the new language
        const QString chinese = window->explanation();
        QVERIFY2(chinese.contains(QStringLiteral("receiver.recv()")) && chinese.contains(QStringLiteral("发送端 sender")), qPrintable(chinese));
        window->setLanguage(QStringLiteral("en"));
        // The stage labels the ends by name, not "end 1 / end 2".
        renderStageOf(*window);
        const QStringList painted = window->stage()->paintedTexts();
        const bool receiverShown = std::any_of(painted.begin(), painted.end(), [](const QString &t) { return t.startsWith(QLatin1String("receiver: ")); });
        const bool senderShown = std::any_of(painted.begin(), painted.end(), [](const QString &t) { return t.startsWith(QLatin1String("sender: ")); });
        QVERIFY2(receiverShown && senderShown, qPrintable(painted.join(QLatin1String(" | "))));
    }

private:
    static void renderStageOf(ui::MainWindow &window)
    {
        QImage image(1400, 900, QImage::Format_RGB32);
        QPainter p(&image);
        window.stage()->paintStage(p, image.rect());
    }
};

QTEST_MAIN(TestWords)
#include "tst_words.moc"
