// From a click to the released step on screen, in a live run: the window's
// stage is clicked on the thread held at its gate, and the clock stops when
// the stage has painted the state that includes that step's events. Printed
// beside the floor: a raw pipe round trip between two processes (the least
// any cross-process "go" and "done" can cost on this machine).
//
// ipclab-bench-step-latency [steps]   (QT_QPA_PLATFORM=offscreen without a display)

#include "main_window.h"
#include "stage_view.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMouseEvent>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kScenario = R"(total = 0
for i in range(1000000):
    total += i
print(total)
)";

double rawPipeRoundTripUs(int rounds)
{
    int there[2], back[2];
    if (::pipe(there) != 0 || ::pipe(back) != 0)
        return 0;
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(there[1]); // or it never sees end of file (the lesson of 02_pipe_forgotten_close)
        ::close(back[0]);
        char c;
        while (::read(there[0], &c, 1) == 1)
            if (::write(back[1], &c, 1) != 1)
                break;
        ::_exit(0);
    }
    ::close(there[0]);
    ::close(back[1]);
    std::vector<double> us;
    for (int i = 0; i < rounds; ++i) {
        char c = 'x';
        const auto t0 = Clock::now();
        if (::write(there[1], &c, 1) != 1 || ::read(back[0], &c, 1) != 1)
            break;
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    ::close(there[1]);
    ::waitpid(child, nullptr, 0);
    ::close(back[0]);
    std::sort(us.begin(), us.end());
    return us.empty() ? 0 : us[us.size() / 2];
}

// Counts the stage's paints, so the clock can stop at the first one after the step arrived.
class PaintWatch : public QObject {
public:
    std::function<bool()> showsTheStep;
    bool painted = false;
    bool eventFilter(QObject *, QEvent *e) override
    {
        // The paint about to happen draws the current state: does it include the step?
        if (e->type() == QEvent::Paint && showsTheStep && showsTheStep())
            painted = true;
        return false;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int steps = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;
    const QString path = QDir::temp().filePath(QStringLiteral("ipclab-bench-latency-%1.py").arg(::getpid()));
    {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(kScenario);
    }
    ipclab::ui::MainWindow window(QCoreApplication::applicationDirPath() + QStringLiteral("/../app/ipclab-worker"));
    window.resize(1440, 900);
    window.show();
    window.openScenario(path);
    QFile::remove(path); // the scenario is in memory now
    window.setLiveMode(true);
    window.runScenario();
    PaintWatch watch;
    window.stage()->installEventFilter(&watch);
    const QString key = QStringLiteral("MainProcess/MainThread");
    auto arrival = [&]() -> qint64 {
        const auto *t = window.controller().state().threadByKey(key);
        return t && t->gate ? t->gate->arrival : -1;
    };
    auto pump = [&](const std::function<bool()> &until) {
        const auto deadline = Clock::now() + std::chrono::seconds(30);
        while (!until() && Clock::now() < deadline)
            QApplication::processEvents(QEventLoop::AllEvents, 1);
        return until();
    };
    if (!pump([&] { return arrival() > 0 && window.controller().live() && window.controller().live()->pendingSteps() == 0; })) {
        std::fprintf(stderr, "the live run did not start\n");
        return 1;
    }
    std::vector<double> ms;
    for (int i = 0; i < steps; ++i) {
        pump([&] { return window.controller().live()->pendingSteps() == 0 && arrival() > 0; });
        window.stage()->repaint();
        QRect box;
        const int tid = window.controller().state().threadByKey(key)->tid;
        for (const auto &d : window.stage()->drawnElements())
            if (d.id == QStringLiteral("thread/%1").arg(tid))
                box = d.rect;
        const qint64 before = arrival();
        watch.painted = false;
        watch.showsTheStep = [&] { return arrival() > before; };
        const auto t0 = Clock::now();
        QMouseEvent press(QEvent::MouseButtonPress, box.center(), window.stage()->mapToGlobal(box.center()), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QMouseEvent release(QEvent::MouseButtonRelease, box.center(), window.stage()->mapToGlobal(box.center()), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(window.stage(), &press);
        QApplication::sendEvent(window.stage(), &release);
        if (!pump([&] { return watch.painted; })) {
            std::fprintf(stderr, "step %d never reached the screen\n", i);
            return 1;
        }
        watch.showsTheStep = {};
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    window.controller().stop();
    std::sort(ms.begin(), ms.end());
    const double floorUs = rawPipeRoundTripUs(2000);
    const double median = ms[ms.size() / 2];
    std::printf("click -> released step painted on the stage, %zu steps (goal < 50 ms):\n", ms.size());
    std::printf("  median %.2f ms   p95 %.2f ms   max %.2f ms\n", median, ms[ms.size() * 95 / 100], ms.back());
    std::printf("  raw pipe round trip between two processes: %.1f us (median) -> the click costs %.0fx that floor\n", floorUs,
        floorUs > 0 ? median * 1000.0 / floorUs : 0.0);
    return 0;
}
