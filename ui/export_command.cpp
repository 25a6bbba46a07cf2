#include "export_command.h"

#include "gif_writer.h"
#include "language.h"
#include "main_window.h"
#include "operation_words.h"
#include "stage_view.h"
#include "timeline_view.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace ipclab::ui {

namespace {

struct ExportWords {
    Q_DECLARE_TR_FUNCTIONS(ExportWords)
};

void say(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// The view asked for, drawn onto any paint device: white paper, the view's own drawing.
void paintView(MainWindow &window, const QString &what, QPainter &p, const QRect &area)
{
    p.fillRect(area, Qt::white);
    p.setRenderHint(QPainter::Antialiasing);
    // Drawn as on a window 1000 pixels wide, then enlarged to the picture: a slide's text is
    // as large in proportion whatever size the picture is.
    const double scale = std::max(0.5, area.width() / 1000.0);
    p.save();
    p.translate(area.topLeft());
    p.scale(scale, scale);
    const QRect logical(0, 0, static_cast<int>(area.width() / scale), static_cast<int>(area.height() / scale));
    if (what == QLatin1String("timeline"))
        window.timeline()->paintTimeline(p, logical);
    else
        window.stage()->paintStage(p, logical);
    p.restore();
}

QImage render(MainWindow &window, const QString &what, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    paintView(window, what, p, image.rect());
    return image;
}

} // namespace

bool parseExportOptions(const QStringList &arguments, ExportOptions &options, QString &error)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption at(QStringLiteral("at"), QString(), QStringLiteral("end|start|EVENT"));
    const QCommandLineOption what(QStringLiteral("what"), QString(), QStringLiteral("stage|timeline"));
    const QCommandLineOption png(QStringLiteral("png"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption svg(QStringLiteral("svg"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption gif(QStringLiteral("gif"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption gifSteps(QStringLiteral("gif-steps"), QString(), QStringLiteral("N"));
    const QCommandLineOption pdf(QStringLiteral("pdf"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("en|zh_CN"));
    const QCommandLineOption size(QStringLiteral("size"), QString(), QStringLiteral("WxH"));
    parser.addOptions({ at, what, png, svg, gif, gifSteps, pdf, lang, size });
    parser.addPositionalArgument(QStringLiteral("FILE.py"), QString());
    if (!parser.parse(QStringList { QStringLiteral("ipclab export") } + arguments)) {
        error = parser.errorText();
        return false;
    }
    if (parser.positionalArguments().size() != 1) {
        error = parser.positionalArguments().isEmpty()
            ? QStringLiteral("a scenario FILE.py is expected")
            : QStringLiteral("one scenario is expected, got %1").arg(parser.positionalArguments().join(QLatin1Char(' ')));
        return false;
    }
    options.scenario = parser.positionalArguments().first();
    if (parser.isSet(at)) {
        options.at = parser.value(at);
        bool number = false;
        const int event = options.at.toInt(&number);
        if (options.at != QLatin1String("end") && options.at != QLatin1String("start") && (!number || event < 0)) {
            error = QStringLiteral("--at %1: expected end, start or an event number (0 or more)").arg(options.at);
            return false;
        }
    }
    if (parser.isSet(what)) {
        options.what = parser.value(what);
        if (options.what != QLatin1String("stage") && options.what != QLatin1String("timeline")) {
            error = QStringLiteral("--what %1: expected stage or timeline").arg(options.what);
            return false;
        }
    }
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (!interfaceLanguages().contains(options.language)) {
            error = QStringLiteral("--lang %1: expected one of %2").arg(options.language, interfaceLanguages().join(QStringLiteral(", ")));
            return false;
        }
    }
    if (parser.isSet(size)) {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(parser.value(size));
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0, h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 200 || h < 150 || w > 8000 || h > 8000) {
            error = QStringLiteral("--size %1: expected WIDTHxHEIGHT in pixels, from 200x150 to 8000x8000").arg(parser.value(size));
            return false;
        }
        options.size = QSize(w, h);
    }
    if (parser.isSet(gifSteps)) {
        bool number = false;
        options.gifSteps = parser.value(gifSteps).toInt(&number);
        if (!number || options.gifSteps < 1 || options.gifSteps > 500) {
            error = QStringLiteral("--gif-steps %1: expected a number of IPC events from 1 to 500").arg(parser.value(gifSteps));
            return false;
        }
    }
    options.png = parser.value(png);
    options.svg = parser.value(svg);
    options.gif = parser.value(gif);
    options.pdf = parser.value(pdf);
    if (options.png.isEmpty() && options.svg.isEmpty() && options.gif.isEmpty() && options.pdf.isEmpty()) {
        error = QStringLiteral("nothing to export: give --png, --svg, --gif or --pdf with a file name");
        return false;
    }
    return true;
}

QString exportPng(MainWindow &window, const QString &what, QSize size, const QString &path)
{
    const QImage image = render(window, what, size);
    return image.save(path, "PNG") ? QString() : QStringLiteral("cannot write %1").arg(path);
}

QString exportSvg(MainWindow &window, const QString &what, QSize size, const QString &path)
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(window.windowTitle());
    svg.setDescription(QStringLiteral("IPC Lab"));
    QPainter p;
    if (!p.begin(&svg))
        return QStringLiteral("cannot write %1").arg(path);
    paintView(window, what, p, QRect(QPoint(0, 0), size));
    p.end();
    return QFileInfo(path).size() > 0 ? QString() : QStringLiteral("cannot write %1").arg(path);
}

QString exportGif(MainWindow &window, const QString &what, QSize size, int steps, const QString &path)
{
    GifWriter gif;
    if (!gif.open(path, size))
        return QStringLiteral("%1: %2").arg(path, gif.error());
    RunController &controller = window.controller();
    // The replay from here, one frame per IPC event; the last frame stays up longer.
    gif.addFrame(render(window, what, size), 900);
    for (int step = 0; step < steps && controller.position() < controller.model().size(); ++step) {
        window.goToIpcEvent(+1);
        const bool last = step + 1 == steps || controller.position() >= controller.model().size();
        if (!gif.addFrame(render(window, what, size), last ? 2500 : 900))
            return QStringLiteral("%1: %2").arg(path, gif.error());
    }
    if (!gif.close())
        return QStringLiteral("%1: %2").arg(path, gif.error());
    // giflib creates the file for its owner only; a picture for slides is for sharing.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return {};
}

QString exportPdf(MainWindow &window, const QString &path)
{
    const ScenarioInfo &info = window.scenarioInfo();
    const QString language = currentLanguage();
    QPdfWriter pdf(path);
    pdf.setTitle(info.title(language));
    pdf.setCreator(QStringLiteral("IPC Lab"));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(150);
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    QPainter p;
    if (!p.begin(&pdf))
        return QStringLiteral("cannot write %1").arg(path);
    const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const QRect paper(0, 0, page.width(), page.height());

    // Page 1 on: the title, the summary, and the code with its explanations (no metadata, no answers).
    QString html = QStringLiteral("<h1>%1</h1><p>%2</p><h3>%3</h3>")
                       .arg(info.title(language).toHtmlEscaped(), info.summary(language).toHtmlEscaped(), ExportWords::tr("The program").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    const QStringList lines = window.sourceLines();
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().startsWith(QLatin1String("# ipclab:")))
            continue;
        if (auto note = info.explanations.find(i + 1); note != info.explanations.end())
            html += QStringLiteral("<tr><td></td><td style='color:#1d4ed8; font-style:italic'>%1</td></tr>").arg(note->second.text(language).toHtmlEscaped());
        QString code = lines.at(i).toHtmlEscaped();
        code.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        html += QStringLiteral("<tr><td style='color:#6b7280'>%1&nbsp;</td><td style='font-family:monospace'>%2</td></tr>").arg(i + 1).arg(code);
    }
    html += QStringLiteral("</table>");
    QTextDocument text;
    text.setPageSize(paper.size());
    QFont font = p.font();
    font.setPointSizeF(10);
    text.setDefaultFont(font);
    text.setHtml(html);
    for (int pageNumber = 0; pageNumber < text.pageCount(); ++pageNumber) {
        if (pageNumber > 0)
            pdf.newPage();
        p.save();
        p.translate(0, -pageNumber * paper.height());
        text.drawContents(&p, QRectF(0, pageNumber * paper.height(), paper.width(), paper.height()));
        p.restore();
    }

    // Then a page per question: the stage where it is asked, the question and its answers to
    // choose from (which one is right is for the class to find); and the stage at the end.
    RunController &controller = window.controller();
    auto stagePage = [&](const QString &heading, const QString &below) {
        pdf.newPage();
        QFont bold = font;
        bold.setPointSizeF(14);
        bold.setBold(true);
        p.setFont(bold);
        const QRect headingBox(0, 0, paper.width(), paper.height() / 12);
        p.drawText(headingBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, heading);
        const QSize picture(paper.width(), paper.width() * 9 / 16);
        const QImage stage = render(window, QStringLiteral("stage"), QSize(1600, 900));
        p.drawImage(QRect(QPoint(0, headingBox.bottom() + 10), picture), stage);
        p.setFont(font);
        p.drawText(
            QRect(0, headingBox.bottom() + 30 + picture.height(), paper.width(), paper.height() / 3), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, below);
    };
    for (const auto &[line, question] : info.questions) {
        const int position = window.selfStudy()->askPosition(line);
        if (position < 0)
            continue;
        controller.seek(position);
        QString choices;
        for (const Answer &answer : question.answers)
            choices += QStringLiteral("☐  %1\n").arg(answer.text.text(language));
        stagePage(ExportWords::tr("Question (line %1): %2").arg(line).arg(question.text.text(language)), choices);
    }
    controller.seek(controller.model().size());
    stagePage(ExportWords::tr("At the end of the run"), window.outcomeText());
    p.end();
    return QFileInfo(path).size() > 0 ? QString() : QStringLiteral("cannot write %1").arg(path);
}

int runExportCommand(const QStringList &arguments, const QString &workerPath)
{
    ExportOptions options;
    QString error;
    if (!parseExportOptions(arguments, options, error)) {
        say(QStringLiteral("ipclab export: %1").arg(error));
        return 2;
    }
    const QFileInfo file(options.scenario);
    if (!file.isFile()) {
        say(QStringLiteral("ipclab export: %1: %2").arg(options.scenario, file.exists() ? QStringLiteral("not a file") : QStringLiteral("no such file")));
        return 2;
    }
    applyLanguage(options.language);
    MainWindow window(workerPath);
    window.resize(options.size);
    if (!window.openScenario(file.absoluteFilePath()))
        return 2;
    QEventLoop waiting;
    bool ended = false;
    QObject::connect(&window.controller(), &RunController::runFinished, &waiting, [&] {
        ended = true;
        waiting.quit();
    });
    if (!window.runScenario()) {
        for (const QString &problem : window.problems())
            say(problem);
        return 1;
    }
    // A safety net only: a run ends (or is found hung) by itself within its time limits.
    QTimer::singleShot(10 * 60 * 1000, &waiting, &QEventLoop::quit);
    if (!ended)
        waiting.exec();
    if (!ended) {
        say(QStringLiteral("ipclab export: %1: the run did not end").arg(options.scenario));
        return 1;
    }
    RunController &controller = window.controller();
    controller.pause();
    const int size = controller.model().size();
    int position = size;
    if (options.at == QLatin1String("start"))
        position = 0;
    else if (options.at != QLatin1String("end")) {
        position = options.at.toInt();
        if (position > size) {
            say(QStringLiteral("ipclab export: --at %1: the run has %2 events (0 to %2)").arg(options.at).arg(size));
            return 2;
        }
    }
    controller.seek(position);
    const std::pair<const QString *, std::function<QString()>> outputs[] = {
        { &options.png, [&] { return exportPng(window, options.what, options.size, options.png); } },
        { &options.svg, [&] { return exportSvg(window, options.what, options.size, options.svg); } },
        { &options.pdf, [&] { return exportPdf(window, options.pdf); } },
        { &options.gif,
            [&] {
                controller.seek(position);
                return exportGif(window, options.what, options.size, options.gifSteps, options.gif);
            } },
    };
    for (const auto &[path, make] : outputs) {
        if (path->isEmpty())
            continue;
        controller.seek(position);
        const QString problem = make();
        if (!problem.isEmpty()) {
            say(QStringLiteral("ipclab export: %1").arg(problem));
            return 1;
        }
        std::printf("%s\n", qPrintable(*path));
    }
    return 0;
}

} // namespace ipclab::ui
