#include "playback_pace.h"

#include "operation_words.h"

#include <QHash>

#include <algorithm>

namespace ipclab::ui {

std::vector<float> playbackBeats(const std::vector<engine::TraceEvent> &events, bool everyStatement)
{
    std::vector<float> beats(events.size(), 0.0f);
    // How often each step was seen: the same call on the same line by the same thread.
    QHash<QString, int> seen;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const engine::TraceEvent &e = events[i];
        const bool statement = e.op == QLatin1String("stmt");
        if (!(everyStatement && statement) && !engine::isIpcOperation(e.op))
            continue;
        if (everyStatement) {
            beats[i] = 1.0f;
            continue;
        }
        const QString key = QStringLiteral("%1/%2/%3/%4").arg(e.tid).arg(e.line).arg(e.op).arg(QChar::fromLatin1(e.ph));
        const int times = ++seen[key];
        // The first three times at full length, then 1/n: a loop of n rounds costs about ln n beats.
        beats[i] = times <= 3 ? 1.0f : std::max(0.004f, 1.0f / static_cast<float>(times - 2));
    }
    return beats;
}

} // namespace ipclab::ui
