#include "source_encoding.h"

#include "source_tables.h"

#include <cctype>
#include <cstdio>
#include <string_view>

namespace ipclab::lang {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

int codePoints(std::string_view s)
{
    int n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

struct CodingSpec {
    std::string name;
    int line = 0;
    int column = 0;
};

// CPython's get_coding_spec: "coding" followed by ':' or '=' in a line that holds
// only a comment. The name is as written ("latin-1"), not yet normalized.
std::optional<CodingSpec> codingSpecIn(std::string_view line, int lineNumber)
{
    const std::size_t hash = line.find_first_not_of(" \t\f");
    if (hash == std::string_view::npos || line[hash] != '#')
        return std::nullopt;
    for (std::size_t at = line.find("coding", hash); at != std::string_view::npos; at = line.find("coding", at + 1)) {
        std::size_t p = at + 6;
        if (p >= line.size() || (line[p] != ':' && line[p] != '='))
            continue;
        ++p;
        while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
            ++p;
        const std::size_t begin = p;
        while (p < line.size() && (std::isalnum(static_cast<unsigned char>(line[p])) || line[p] == '-' || line[p] == '_' || line[p] == '.'))
            ++p;
        if (p > begin)
            return CodingSpec { std::string(line.substr(begin, p - begin)), lineNumber, codePoints(line.substr(0, begin)) + 1 };
    }
    return std::nullopt;
}

// CPython looks at line 2 only when line 1 is blank or a comment.
std::optional<CodingSpec> findCodingSpec(std::string_view text)
{
    std::size_t start = 0;
    for (int lineNumber = 1; lineNumber <= 2 && start <= text.size(); ++lineNumber) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (auto spec = codingSpecIn(line, lineNumber))
            return spec;
        const std::size_t first = line.find_first_not_of(" \t\f\r");
        if (first != std::string_view::npos && line[first] != '#')
            break;
        start = end + 1;
    }
    return std::nullopt;
}

// CPython's get_normal_name: the spellings of utf-8 and latin-1 it recognizes itself.
std::string normalName(const std::string &name)
{
    std::string lower;
    for (char c : name.substr(0, 12))
        lower += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string_view l = lower;
    if (l == "utf-8" || l.starts_with("utf-8-"))
        return "utf-8";
    if (l == "latin-1" || l == "iso-8859-1" || l == "iso-latin-1" || l.starts_with("latin-1-") || l.starts_with("iso-8859-1-") || l.starts_with("iso-latin-1-"))
        return "iso-8859-1";
    return name;
}

// The codec registry's key: lower case, runs of anything but letters, digits and '.' as one '_'.
std::string registryKey(const std::string &name)
{
    std::string key;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '.')
            key += static_cast<char>(std::tolower(u));
        else if (!key.empty() && key.back() != '_')
            key += '_';
    }
    while (!key.empty() && key.back() == '_')
        key.pop_back();
    return key;
}

std::optional<SyntaxIssue> checkCodingSpec(const CodingSpec &spec, bool hadBom)
{
    const std::string normal = normalName(spec.name);
    if (hadBom) {
        if (normal == "utf-8")
            return std::nullopt;
        return SyntaxIssue { 0, 0, "encoding problem: " + normal + " with BOM" };
    }
    if (normal == "utf-8")
        return std::nullopt;
    const auto codec = lookupCodec(registryKey(normal));
    if (!codec)
        return SyntaxIssue { spec.line, spec.column, "unknown encoding: " + normal };
    if (!codec->text)
        return SyntaxIssue { spec.line, spec.column, "'" + normal + "' is not a text encoding; use codecs.decode() to handle arbitrary codecs" };
    if (codec->canonical == "utf-8")
        return std::nullopt;
    // Decoding other codecs would make the text the worker runs differ from the file's bytes.
    return SyntaxIssue { spec.line, spec.column, "IPC Lab scenarios must be UTF-8; this file declares " + spec.name };
}

// How many bytes of well-formed UTF-8 start at `i`, or 0, with CPython's reason why not.
// Well-formed excludes overlong forms, surrogates (ED A0..BF) and code points past U+10FFFF.
std::size_t utf8Length(std::string_view s, std::size_t i, const char *&reason)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
        return 1;
    std::size_t len = 0;
    unsigned char low = 0x80, high = 0xBF; // the range the second byte must be in
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        low = c == 0xE0 ? 0xA0 : 0x80;
        high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        low = c == 0xF0 ? 0x90 : 0x80;
        high = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        reason = "invalid start byte";
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (i + k >= s.size()) {
            reason = "unexpected end of data";
            return 0;
        }
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < low || b > high) : (b & 0xC0) != 0x80) {
            reason = "invalid continuation byte";
            return 0;
        }
    }
    return len;
}

std::optional<SyntaxIssue> checkUtf8(std::string_view text)
{
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0)
            return SyntaxIssue { line, column, "source code cannot contain null bytes" };
        const char *reason = "";
        const std::size_t len = utf8Length(text, i, reason);
        if (len == 0) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "(unicode error) 'utf-8' codec can't decode byte 0x%02x: %s", c, reason);
            return SyntaxIssue { line, column, buf };
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return std::nullopt;
}

} // namespace

std::optional<SyntaxIssue> prepareSource(std::string &source)
{
    const bool hadBom = std::string_view(source).starts_with(kBom);
    if (hadBom)
        source.erase(0, kBom.size());
    if (const auto spec = findCodingSpec(source))
        if (auto problem = checkCodingSpec(*spec, hadBom))
            return problem;
    return checkUtf8(source);
}

} // namespace ipclab::lang
