// libFuzzer target: a file's bytes through the checker `ipclab check` runs
// (encoding, coding declaration, tokens, parse, subset rules, imports).
// Besides crashes and sanitizer reports it fails on a broken promise of
// loadScenarioText: a program, or exactly one diagnostic that says something.

#include "scenario.h"

#include <cstdint>
#include <cstdlib>
#include <string>

// tst_fuzz_corpus links this file under another name, next to the trace target.
#ifndef IPCLAB_FUZZ_ENTRY
#define IPCLAB_FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

extern "C" int IPCLAB_FUZZ_ENTRY(const std::uint8_t *data, std::size_t size)
{
    const auto loaded = ipclab::lang::loadScenarioText("fuzz.py", std::string(reinterpret_cast<const char *>(data), size));
    if (loaded.program) {
        if (!loaded.problems.empty())
            std::abort();
        return 0;
    }
    if (loaded.problems.size() != 1)
        std::abort();
    const auto &d = loaded.problems.front();
    if (d.message.empty() || d.line < 0 || d.column < 0 || (d.line == 0 && d.column != 0))
        std::abort();
    return 0;
}
