// Scale of the lab window's model and views: a trace of 1,000,000 events is
// loaded into the TraceModel, then the playhead is moved to 300 random
// moments; each "frame" is the seek plus painting the stage and the timeline
// (offscreen). Prints load time and frame times (median, 95th percentile, max).
//
// Usage: ipclab-bench-scrub [EVENTS]   (run from the build tree: it finds ipclab-worker)

#include "orchestrator.h"
#include "process_colours.h"
#include "stage_view.h"
#include "timeline_view.h"
#include "trace_model.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

using namespace ipclab;
using Clock = std::chrono::steady_clock;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int target = argc > 1 ? std::atoi(argv[1]) : 1000000;
    // A real run to start from: a producer and a consumer moving 2,000 items through a Queue.
    engine::RunOptions options;
    options.fileName = QStringLiteral("queue_throughput.py");
    QFile f(QStringLiteral(IPCLAB_SOURCE_DIR "/bench/ipc/queue_throughput.py"));
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    options.source = f.readAll();
    options.arguments = { QStringLiteral("2000") };
    options.workerPath = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/ipclab-worker");
    options.traceStatements = true;
    std::vector<engine::TraceEvent> recorded;
    engine::Orchestrator orchestrator;
    orchestrator.run(options, [&](const engine::TraceEvent &e, const QByteArray &) { recorded.push_back(e); });
    if (recorded.empty()) {
        std::fprintf(stderr, "the run produced no events\n");
        return 1;
    }
    std::stable_sort(recorded.begin(), recorded.end(), [](const auto &a, const auto &b) { return a.t < b.t; });
    // Repeat it, shifted in time, up to the target size.
    std::vector<engine::TraceEvent> events;
    events.reserve(static_cast<std::size_t>(target));
    const qint64 span = recorded.back().t - recorded.front().t + 1;
    for (int copy = 0; static_cast<int>(events.size()) < target; ++copy)
        for (const auto &e : recorded) {
            if (static_cast<int>(events.size()) >= target)
                break;
            engine::TraceEvent shifted = e;
            shifted.t += copy * span;
            events.push_back(std::move(shifted));
        }

    const auto loadStart = Clock::now();
    engine::TraceModel model;
    model.load(std::move(events));
    ui::ProcessColours colours;
    ui::StageView stage(colours);
    ui::TimelineView timeline(colours);
    timeline.setModel(&model);
    const double loadSeconds = std::chrono::duration<double>(Clock::now() - loadStart).count();

    QImage stageImage(1000, 700, QImage::Format_RGB32), timelineImage(1000, 240, QImage::Format_RGB32);
    std::mt19937 random(42);
    std::uniform_int_distribution<int> position(0, model.size());
    // The window paints once when a run is loaded (fonts and glyph caches warm up then);
    // that first paint is reported on its own, scrubbing comes after.
    const auto firstStart = Clock::now();
    {
        const engine::RunWatch state = model.stateAfter(model.size());
        const QStringList none;
        stage.setState(&state, &none);
        QPainter p(&stageImage);
        stage.paintStage(p, stageImage.rect());
        QPainter q(&timelineImage);
        timeline.paintTimeline(q, timelineImage.rect());
    }
    const double firstPaint = std::chrono::duration<double, std::milli>(Clock::now() - firstStart).count();
    std::vector<double> frames;
    const QStringList sourceLines = QString::fromUtf8(options.source).split(QLatin1Char('\n'));
    for (int i = 0; i < 300; ++i) {
        const auto start = Clock::now();
        const int at = position(random);
        const engine::RunWatch state = model.stateAfter(at);
        stage.setState(&state, &sourceLines);
        timeline.setPosition(at);
        {
            QPainter p(&stageImage);
            stage.paintStage(p, stageImage.rect());
        }
        {
            QPainter p(&timelineImage);
            timeline.paintTimeline(p, timelineImage.rect());
        }
        frames.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(frames.begin(), frames.end());
    std::printf("events %d (from a real run of %zu events, repeated)\n", model.size(), recorded.size());
    std::printf("load (sort, checkpoints, timeline spans): %.2f s; first paint %.1f ms\n", loadSeconds, firstPaint);
    std::printf("scrub frame (seek + paint stage + paint timeline), 300 random seeks: median %.2f ms, p95 %.2f ms, max %.2f ms (goal < 16 ms)\n",
        frames[frames.size() / 2], frames[frames.size() * 95 / 100], frames.back());
    return 0;
}
