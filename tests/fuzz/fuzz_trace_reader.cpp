// libFuzzer target: the readers of files a run or a person hands back to IPC
// Lab: one trace line (parseTraceEvent and the accessors the views call) and a
// saved schedule (Schedule::fromJson). An event that parses must survive
// serializeTraceEvent and parse again to the same fixed fields.

#include "live_scheduler.h"
#include "trace_event.h"

#include <cstdint>
#include <cstdlib>

#ifndef IPCLAB_FUZZ_ENTRY
#define IPCLAB_FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

namespace {

void readEvent(const QByteArray &line)
{
    using namespace ipclab::engine;
    const auto event = parseTraceEvent(line);
    if (!event)
        return;
    (void)event->has("name");
    (void)event->integer("pid");
    (void)event->flag("blocking");
    (void)event->text("text");
    (void)event->values();
    const auto again = parseTraceEvent(serializeTraceEvent(*event));
    if (!again || again->t != event->t || again->pid != event->pid || again->tid != event->tid || again->op != event->op || again->ph != event->ph
        || again->obj != event->obj || again->line != event->line)
        std::abort();
}

} // namespace

extern "C" int IPCLAB_FUZZ_ENTRY(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    readEvent(bytes);
    QString error;
    const auto schedule = ipclab::engine::Schedule::fromJson(bytes, &error);
    if (!schedule && error.isEmpty())
        std::abort(); // a refusal must say why
    return 0;
}
