#pragma once
// What CPython knows about characters and codecs, as tables generated from it
// (scripts/gen_source_tables.py): the checker judges identifiers and coding
// declarations as CPython does without a Unicode library.

#include <optional>
#include <string_view>

namespace ipclab::lang {

/// Unicode XID_Start / XID_Continue (PEP 3131's identifier characters, '_' and digits as CPython).
bool isXidStart(char32_t c);
bool isXidContinue(char32_t c);
/// str.isprintable() for one character: CPython names a non-printable one by code point only.
bool isPrintableCodePoint(char32_t c);

struct CodecInfo {
    std::string_view canonical; ///< codecs.lookup(name).name, e.g. "iso8859-1"
    bool text = true; ///< false for bytes-to-bytes codecs such as hex
};
/// Python's codec registry, by a name normalized as encodings.normalize_encoding does.
std::optional<CodecInfo> lookupCodec(std::string_view normalizedName);

} // namespace ipclab::lang
