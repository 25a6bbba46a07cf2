#pragma once
// Reading a scenario file from disk: only regular files, and never blocking
// (a FIFO or a device given by mistake is refused instead of read forever).

#include <optional>
#include <string>

namespace ipclab::lang {

struct SourceFileBytes {
    std::optional<std::string> bytes; ///< the whole file; empty optional when it could not be read
    std::string error; ///< why not, as strerror words: "No such file or directory", "Is a directory"
};

SourceFileBytes readSourceFile(const std::string &path);

} // namespace ipclab::lang
