// Methods of str and bytes, with CPython 3.11's argument checks and messages.
//
// str is UTF-8 while Python indexes it by code point: every algorithm works
// on bytes (UTF-8 is self-synchronising, so byte searches find only whole
// characters) and converts positions to code points only at the edges, and
// only for non-ASCII strings: an ASCII string's bytes are its code points.

#include "classes.h"
#include "native.h"
#include "strformat.h"
#include "textformat.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::lang {

namespace {

using i64 = std::int64_t;
using Sv = std::string_view;

constexpr i64 kMaxIndex = std::numeric_limits<i64>::max();

const StrObject &strOf(const Value &v)
{
    return *v.as<StrObject>();
}
const std::string &bytesOf(const Value &v)
{
    return v.as<BytesObject>()->data;
}

// ---------------------------------------------------------------- UTF-8

inline bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}
inline bool isContinuation(char c)
{
    return isContinuation(static_cast<unsigned char>(c));
}

/// Bytes in the character a lead byte starts (1 for stray bytes, so walks always advance).
inline std::size_t leadLength(unsigned char c)
{
    if (c < 0xC0)
        return 1;
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
}

/// The code point at byte i of (valid) UTF-8; `len` receives its byte count.
char32_t decodeAt(Sv s, std::size_t i, std::size_t &len)
{
    const auto c = static_cast<unsigned char>(s[i]);
    len = leadLength(c);
    if (len == 1)
        return c;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    if (i + len > s.size())
        len = s.size() - i;
    for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

/// Start of the character that ends right before byte i (i > 0).
std::size_t previousStart(Sv s, std::size_t i)
{
    do {
        --i;
    } while (i > 0 && isContinuation(s[i]));
    return i;
}

std::size_t countCodePoints(Sv s)
{
    // Eight bytes at a time: find/rfind/count on long non-ASCII text turn byte offsets
    // into indices through here.
    std::size_t continuations = 0, i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        continuations += static_cast<std::size_t>(std::popcount(w & ~(w << 1) & 0x8080808080808080ULL));
    }
    for (; i < s.size(); ++i)
        continuations += isContinuation(s[i]);
    return s.size() - continuations;
}

/// Byte offset of code point `cp`, walking on from a known (byte, code point) pair.
std::size_t byteOffset(Sv s, std::size_t cp, std::size_t fromByte = 0, std::size_t fromCp = 0)
{
    std::size_t b = fromByte, remaining = cp - fromCp;
    // Whole words first, while they hold no more character starts than are left to skip.
    for (; b + 8 <= s.size(); b += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + b, 8);
        const auto starts = 8 - static_cast<std::size_t>(std::popcount(w & ~(w << 1) & 0x8080808080808080ULL));
        if (starts > remaining)
            break;
        remaining -= starts;
    }
    for (; b < s.size(); ++b) {
        if (!isContinuation(s[b])) {
            if (remaining == 0)
                break;
            --remaining;
        }
    }
    return b;
}

/// How Python's repr shows one code point inside a codec error message.
std::string escapedCodePoint(char32_t c)
{
    static const char *digits = "0123456789abcdef";
    std::string out = c < 0x100 ? "\\x" : c < 0x10000 ? "\\u" : "\\U";
    const int width = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
    for (int k = width - 1; k >= 0; --k)
        out += digits[(c >> (4 * k)) & 0xF];
    return out;
}

// ---------------------------------------------------------------- character classes
// str follows Unicode for whitespace and line breaks (cheap, exact lists); letters,
// digits and case use small tables that cover the common scripts (see the notes at
// each predicate). bytes use ASCII rules only, as CPython does.

constexpr bool isAsciiStrSpace(unsigned char c)
{
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
}
constexpr bool isBytesSpace(unsigned char c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}
constexpr bool isAsciiAlpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
constexpr bool isAsciiDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
constexpr bool isAsciiUpper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}
constexpr bool isAsciiLower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

bool isUnicodeSpace(char32_t c)
{
    if (c < 0x80)
        return isAsciiStrSpace(static_cast<unsigned char>(c));
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool isDecimalCp(char32_t c)
{
    if (c < 0x80)
        return isAsciiDigit(static_cast<unsigned char>(c));
    return decimalDigitValue(c) >= 0;
}

bool isDigitCp(char32_t c)
{
    if (isDecimalCp(c))
        return true;
    // Superscripts, subscripts, circled and parenthesised digits (Numeric_Type=Digit).
    return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x1369 && c <= 0x1371) || c == 0x19DA || c == 0x2070 || (c >= 0x2074 && c <= 0x2079)
        || (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) || (c >= 0x2488 && c <= 0x2490) || c == 0x24EA
        || (c >= 0x24F5 && c <= 0x24FD) || c == 0x24FF || (c >= 0x2776 && c <= 0x277E) || (c >= 0x2780 && c <= 0x2788) || (c >= 0x278A && c <= 0x2792);
}

bool isNumericCp(char32_t c)
{
    if (isDigitCp(c))
        return true;
    // Fractions, Roman numerals, enclosed numbers and the everyday CJK numerals.
    static constexpr char32_t cjk[]
        = { 0x3007, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94, 0x5104, 0x5146, 0x516B, 0x516D, 0x5341, 0x5343, 0x56DB, 0x767E, 0x96F6 };
    return (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2182) || (c >= 0x2185 && c <= 0x2189) || (c >= 0x2460 && c <= 0x249B)
        || (c >= 0x24EA && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303A)
        || std::binary_search(std::begin(cjk), std::end(cjk), c);
}

// Simple (one code point to one) case mappings of the BMP, generated from CPython
// 3.11's str.lower/str.upper: code points first..last, every `stride`-th, map to c + delta.
struct CaseRun {
    char32_t first, last;
    std::uint8_t stride;
    std::int32_t delta;
};

constexpr CaseRun kToLower[] = {
    { 0xC0, 0xD6, 1, 32 },
    { 0xD8, 0xDE, 1, 32 },
    { 0x100, 0x12E, 2, 1 },
    { 0x132, 0x136, 2, 1 },
    { 0x139, 0x147, 2, 1 },
    { 0x14A, 0x176, 2, 1 },
    { 0x178, 0x178, 1, -121 },
    { 0x179, 0x17D, 2, 1 },
    { 0x181, 0x181, 1, 210 },
    { 0x182, 0x184, 2, 1 },
    { 0x186, 0x186, 1, 206 },
    { 0x187, 0x187, 1, 1 },
    { 0x189, 0x18A, 1, 205 },
    { 0x18B, 0x18B, 1, 1 },
    { 0x18E, 0x18E, 1, 79 },
    { 0x18F, 0x18F, 1, 202 },
    { 0x190, 0x190, 1, 203 },
    { 0x191, 0x191, 1, 1 },
    { 0x193, 0x193, 1, 205 },
    { 0x194, 0x194, 1, 207 },
    { 0x196, 0x196, 1, 211 },
    { 0x197, 0x197, 1, 209 },
    { 0x198, 0x198, 1, 1 },
    { 0x19C, 0x19C, 1, 211 },
    { 0x19D, 0x19D, 1, 213 },
    { 0x19F, 0x19F, 1, 214 },
    { 0x1A0, 0x1A4, 2, 1 },
    { 0x1A6, 0x1A6, 1, 218 },
    { 0x1A7, 0x1A7, 1, 1 },
    { 0x1A9, 0x1A9, 1, 218 },
    { 0x1AC, 0x1AC, 1, 1 },
    { 0x1AE, 0x1AE, 1, 218 },
    { 0x1AF, 0x1AF, 1, 1 },
    { 0x1B1, 0x1B2, 1, 217 },
    { 0x1B3, 0x1B5, 2, 1 },
    { 0x1B7, 0x1B7, 1, 219 },
    { 0x1B8, 0x1B8, 1, 1 },
    { 0x1BC, 0x1BC, 1, 1 },
    { 0x1C4, 0x1C4, 1, 2 },
    { 0x1C5, 0x1C5, 1, 1 },
    { 0x1C7, 0x1C7, 1, 2 },
    { 0x1C8, 0x1C8, 1, 1 },
    { 0x1CA, 0x1CA, 1, 2 },
    { 0x1CB, 0x1DB, 2, 1 },
    { 0x1DE, 0x1EE, 2, 1 },
    { 0x1F1, 0x1F1, 1, 2 },
    { 0x1F2, 0x1F4, 2, 1 },
    { 0x1F6, 0x1F6, 1, -97 },
    { 0x1F7, 0x1F7, 1, -56 },
    { 0x1F8, 0x21E, 2, 1 },
    { 0x220, 0x220, 1, -130 },
    { 0x222, 0x232, 2, 1 },
    { 0x23A, 0x23A, 1, 10795 },
    { 0x23B, 0x23B, 1, 1 },
    { 0x23D, 0x23D, 1, -163 },
    { 0x23E, 0x23E, 1, 10792 },
    { 0x241, 0x241, 1, 1 },
    { 0x243, 0x243, 1, -195 },
    { 0x244, 0x244, 1, 69 },
    { 0x245, 0x245, 1, 71 },
    { 0x246, 0x24E, 2, 1 },
    { 0x370, 0x372, 2, 1 },
    { 0x376, 0x376, 1, 1 },
    { 0x37F, 0x37F, 1, 116 },
    { 0x386, 0x386, 1, 38 },
    { 0x388, 0x38A, 1, 37 },
    { 0x38C, 0x38C, 1, 64 },
    { 0x38E, 0x38F, 1, 63 },
    { 0x391, 0x3A1, 1, 32 },
    { 0x3A3, 0x3AB, 1, 32 },
    { 0x3CF, 0x3CF, 1, 8 },
    { 0x3D8, 0x3EE, 2, 1 },
    { 0x3F4, 0x3F4, 1, -60 },
    { 0x3F7, 0x3F7, 1, 1 },
    { 0x3F9, 0x3F9, 1, -7 },
    { 0x3FA, 0x3FA, 1, 1 },
    { 0x3FD, 0x3FF, 1, -130 },
    { 0x400, 0x40F, 1, 80 },
    { 0x410, 0x42F, 1, 32 },
    { 0x460, 0x480, 2, 1 },
    { 0x48A, 0x4BE, 2, 1 },
    { 0x4C0, 0x4C0, 1, 15 },
    { 0x4C1, 0x4CD, 2, 1 },
    { 0x4D0, 0x52E, 2, 1 },
    { 0x531, 0x556, 1, 48 },
    { 0x10A0, 0x10C5, 1, 7264 },
    { 0x10C7, 0x10C7, 1, 7264 },
    { 0x10CD, 0x10CD, 1, 7264 },
    { 0x13A0, 0x13EF, 1, 38864 },
    { 0x13F0, 0x13F5, 1, 8 },
    { 0x1C90, 0x1CBA, 1, -3008 },
    { 0x1CBD, 0x1CBF, 1, -3008 },
    { 0x1E00, 0x1E94, 2, 1 },
    { 0x1E9E, 0x1E9E, 1, -7615 },
    { 0x1EA0, 0x1EFE, 2, 1 },
    { 0x1F08, 0x1F0F, 1, -8 },
    { 0x1F18, 0x1F1D, 1, -8 },
    { 0x1F28, 0x1F2F, 1, -8 },
    { 0x1F38, 0x1F3F, 1, -8 },
    { 0x1F48, 0x1F4D, 1, -8 },
    { 0x1F59, 0x1F5F, 2, -8 },
    { 0x1F68, 0x1F6F, 1, -8 },
    { 0x1F88, 0x1F8F, 1, -8 },
    { 0x1F98, 0x1F9F, 1, -8 },
    { 0x1FA8, 0x1FAF, 1, -8 },
    { 0x1FB8, 0x1FB9, 1, -8 },
    { 0x1FBA, 0x1FBB, 1, -74 },
    { 0x1FBC, 0x1FBC, 1, -9 },
    { 0x1FC8, 0x1FCB, 1, -86 },
    { 0x1FCC, 0x1FCC, 1, -9 },
    { 0x1FD8, 0x1FD9, 1, -8 },
    { 0x1FDA, 0x1FDB, 1, -100 },
    { 0x1FE8, 0x1FE9, 1, -8 },
    { 0x1FEA, 0x1FEB, 1, -112 },
    { 0x1FEC, 0x1FEC, 1, -7 },
    { 0x1FF8, 0x1FF9, 1, -128 },
    { 0x1FFA, 0x1FFB, 1, -126 },
    { 0x1FFC, 0x1FFC, 1, -9 },
    { 0x2126, 0x2126, 1, -7517 },
    { 0x212A, 0x212A, 1, -8383 },
    { 0x212B, 0x212B, 1, -8262 },
    { 0x2132, 0x2132, 1, 28 },
    { 0x2160, 0x216F, 1, 16 },
    { 0x2183, 0x2183, 1, 1 },
    { 0x24B6, 0x24CF, 1, 26 },
    { 0x2C00, 0x2C2F, 1, 48 },
    { 0x2C60, 0x2C60, 1, 1 },
    { 0x2C62, 0x2C62, 1, -10743 },
    { 0x2C63, 0x2C63, 1, -3814 },
    { 0x2C64, 0x2C64, 1, -10727 },
    { 0x2C67, 0x2C6B, 2, 1 },
    { 0x2C6D, 0x2C6D, 1, -10780 },
    { 0x2C6E, 0x2C6E, 1, -10749 },
    { 0x2C6F, 0x2C6F, 1, -10783 },
    { 0x2C70, 0x2C70, 1, -10782 },
    { 0x2C72, 0x2C72, 1, 1 },
    { 0x2C75, 0x2C75, 1, 1 },
    { 0x2C7E, 0x2C7F, 1, -10815 },
    { 0x2C80, 0x2CE2, 2, 1 },
    { 0x2CEB, 0x2CED, 2, 1 },
    { 0x2CF2, 0x2CF2, 1, 1 },
    { 0xA640, 0xA66C, 2, 1 },
    { 0xA680, 0xA69A, 2, 1 },
    { 0xA722, 0xA72E, 2, 1 },
    { 0xA732, 0xA76E, 2, 1 },
    { 0xA779, 0xA77B, 2, 1 },
    { 0xA77D, 0xA77D, 1, -35332 },
    { 0xA77E, 0xA786, 2, 1 },
    { 0xA78B, 0xA78B, 1, 1 },
    { 0xA78D, 0xA78D, 1, -42280 },
    { 0xA790, 0xA792, 2, 1 },
    { 0xA796, 0xA7A8, 2, 1 },
    { 0xA7AA, 0xA7AA, 1, -42308 },
    { 0xA7AB, 0xA7AB, 1, -42319 },
    { 0xA7AC, 0xA7AC, 1, -42315 },
    { 0xA7AD, 0xA7AD, 1, -42305 },
    { 0xA7AE, 0xA7AE, 1, -42308 },
    { 0xA7B0, 0xA7B0, 1, -42258 },
    { 0xA7B1, 0xA7B1, 1, -42282 },
    { 0xA7B2, 0xA7B2, 1, -42261 },
    { 0xA7B3, 0xA7B3, 1, 928 },
    { 0xA7B4, 0xA7C2, 2, 1 },
    { 0xA7C4, 0xA7C4, 1, -48 },
    { 0xA7C5, 0xA7C5, 1, -42307 },
    { 0xA7C6, 0xA7C6, 1, -35384 },
    { 0xA7C7, 0xA7C9, 2, 1 },
    { 0xA7D0, 0xA7D0, 1, 1 },
    { 0xA7D6, 0xA7D8, 2, 1 },
    { 0xA7F5, 0xA7F5, 1, 1 },
    { 0xFF21, 0xFF3A, 1, 32 },
};

constexpr CaseRun kToUpper[] = {
    { 0xB5, 0xB5, 1, 743 },
    { 0xE0, 0xF6, 1, -32 },
    { 0xF8, 0xFE, 1, -32 },
    { 0xFF, 0xFF, 1, 121 },
    { 0x101, 0x12F, 2, -1 },
    { 0x131, 0x131, 1, -232 },
    { 0x133, 0x137, 2, -1 },
    { 0x13A, 0x148, 2, -1 },
    { 0x14B, 0x177, 2, -1 },
    { 0x17A, 0x17E, 2, -1 },
    { 0x17F, 0x17F, 1, -300 },
    { 0x180, 0x180, 1, 195 },
    { 0x183, 0x185, 2, -1 },
    { 0x188, 0x188, 1, -1 },
    { 0x18C, 0x18C, 1, -1 },
    { 0x192, 0x192, 1, -1 },
    { 0x195, 0x195, 1, 97 },
    { 0x199, 0x199, 1, -1 },
    { 0x19A, 0x19A, 1, 163 },
    { 0x19E, 0x19E, 1, 130 },
    { 0x1A1, 0x1A5, 2, -1 },
    { 0x1A8, 0x1A8, 1, -1 },
    { 0x1AD, 0x1AD, 1, -1 },
    { 0x1B0, 0x1B0, 1, -1 },
    { 0x1B4, 0x1B6, 2, -1 },
    { 0x1B9, 0x1B9, 1, -1 },
    { 0x1BD, 0x1BD, 1, -1 },
    { 0x1BF, 0x1BF, 1, 56 },
    { 0x1C5, 0x1C5, 1, -1 },
    { 0x1C6, 0x1C6, 1, -2 },
    { 0x1C8, 0x1C8, 1, -1 },
    { 0x1C9, 0x1C9, 1, -2 },
    { 0x1CB, 0x1CB, 1, -1 },
    { 0x1CC, 0x1CC, 1, -2 },
    { 0x1CE, 0x1DC, 2, -1 },
    { 0x1DD, 0x1DD, 1, -79 },
    { 0x1DF, 0x1EF, 2, -1 },
    { 0x1F2, 0x1F2, 1, -1 },
    { 0x1F3, 0x1F3, 1, -2 },
    { 0x1F5, 0x1F5, 1, -1 },
    { 0x1F9, 0x21F, 2, -1 },
    { 0x223, 0x233, 2, -1 },
    { 0x23C, 0x23C, 1, -1 },
    { 0x23F, 0x240, 1, 10815 },
    { 0x242, 0x242, 1, -1 },
    { 0x247, 0x24F, 2, -1 },
    { 0x250, 0x250, 1, 10783 },
    { 0x251, 0x251, 1, 10780 },
    { 0x252, 0x252, 1, 10782 },
    { 0x253, 0x253, 1, -210 },
    { 0x254, 0x254, 1, -206 },
    { 0x256, 0x257, 1, -205 },
    { 0x259, 0x259, 1, -202 },
    { 0x25B, 0x25B, 1, -203 },
    { 0x25C, 0x25C, 1, 42319 },
    { 0x260, 0x260, 1, -205 },
    { 0x261, 0x261, 1, 42315 },
    { 0x263, 0x263, 1, -207 },
    { 0x265, 0x265, 1, 42280 },
    { 0x266, 0x266, 1, 42308 },
    { 0x268, 0x268, 1, -209 },
    { 0x269, 0x269, 1, -211 },
    { 0x26A, 0x26A, 1, 42308 },
    { 0x26B, 0x26B, 1, 10743 },
    { 0x26C, 0x26C, 1, 42305 },
    { 0x26F, 0x26F, 1, -211 },
    { 0x271, 0x271, 1, 10749 },
    { 0x272, 0x272, 1, -213 },
    { 0x275, 0x275, 1, -214 },
    { 0x27D, 0x27D, 1, 10727 },
    { 0x280, 0x280, 1, -218 },
    { 0x282, 0x282, 1, 42307 },
    { 0x283, 0x283, 1, -218 },
    { 0x287, 0x287, 1, 42282 },
    { 0x288, 0x288, 1, -218 },
    { 0x289, 0x289, 1, -69 },
    { 0x28A, 0x28B, 1, -217 },
    { 0x28C, 0x28C, 1, -71 },
    { 0x292, 0x292, 1, -219 },
    { 0x29D, 0x29D, 1, 42261 },
    { 0x29E, 0x29E, 1, 42258 },
    { 0x345, 0x345, 1, 84 },
    { 0x371, 0x373, 2, -1 },
    { 0x377, 0x377, 1, -1 },
    { 0x37B, 0x37D, 1, 130 },
    { 0x3AC, 0x3AC, 1, -38 },
    { 0x3AD, 0x3AF, 1, -37 },
    { 0x3B1, 0x3C1, 1, -32 },
    { 0x3C2, 0x3C2, 1, -31 },
    { 0x3C3, 0x3CB, 1, -32 },
    { 0x3CC, 0x3CC, 1, -64 },
    { 0x3CD, 0x3CE, 1, -63 },
    { 0x3D0, 0x3D0, 1, -62 },
    { 0x3D1, 0x3D1, 1, -57 },
    { 0x3D5, 0x3D5, 1, -47 },
    { 0x3D6, 0x3D6, 1, -54 },
    { 0x3D7, 0x3D7, 1, -8 },
    { 0x3D9, 0x3EF, 2, -1 },
    { 0x3F0, 0x3F0, 1, -86 },
    { 0x3F1, 0x3F1, 1, -80 },
    { 0x3F2, 0x3F2, 1, 7 },
    { 0x3F3, 0x3F3, 1, -116 },
    { 0x3F5, 0x3F5, 1, -96 },
    { 0x3F8, 0x3F8, 1, -1 },
    { 0x3FB, 0x3FB, 1, -1 },
    { 0x430, 0x44F, 1, -32 },
    { 0x450, 0x45F, 1, -80 },
    { 0x461, 0x481, 2, -1 },
    { 0x48B, 0x4BF, 2, -1 },
    { 0x4C2, 0x4CE, 2, -1 },
    { 0x4CF, 0x4CF, 1, -15 },
    { 0x4D1, 0x52F, 2, -1 },
    { 0x561, 0x586, 1, -48 },
    { 0x10D0, 0x10FA, 1, 3008 },
    { 0x10FD, 0x10FF, 1, 3008 },
    { 0x13F8, 0x13FD, 1, -8 },
    { 0x1C80, 0x1C80, 1, -6254 },
    { 0x1C81, 0x1C81, 1, -6253 },
    { 0x1C82, 0x1C82, 1, -6244 },
    { 0x1C83, 0x1C84, 1, -6242 },
    { 0x1C85, 0x1C85, 1, -6243 },
    { 0x1C86, 0x1C86, 1, -6236 },
    { 0x1C87, 0x1C87, 1, -6181 },
    { 0x1C88, 0x1C88, 1, 35266 },
    { 0x1D79, 0x1D79, 1, 35332 },
    { 0x1D7D, 0x1D7D, 1, 3814 },
    { 0x1D8E, 0x1D8E, 1, 35384 },
    { 0x1E01, 0x1E95, 2, -1 },
    { 0x1E9B, 0x1E9B, 1, -59 },
    { 0x1EA1, 0x1EFF, 2, -1 },
    { 0x1F00, 0x1F07, 1, 8 },
    { 0x1F10, 0x1F15, 1, 8 },
    { 0x1F20, 0x1F27, 1, 8 },
    { 0x1F30, 0x1F37, 1, 8 },
    { 0x1F40, 0x1F45, 1, 8 },
    { 0x1F51, 0x1F57, 2, 8 },
    { 0x1F60, 0x1F67, 1, 8 },
    { 0x1F70, 0x1F71, 1, 74 },
    { 0x1F72, 0x1F75, 1, 86 },
    { 0x1F76, 0x1F77, 1, 100 },
    { 0x1F78, 0x1F79, 1, 128 },
    { 0x1F7A, 0x1F7B, 1, 112 },
    { 0x1F7C, 0x1F7D, 1, 126 },
    { 0x1FB0, 0x1FB1, 1, 8 },
    { 0x1FBE, 0x1FBE, 1, -7205 },
    { 0x1FD0, 0x1FD1, 1, 8 },
    { 0x1FE0, 0x1FE1, 1, 8 },
    { 0x1FE5, 0x1FE5, 1, 7 },
    { 0x214E, 0x214E, 1, -28 },
    { 0x2170, 0x217F, 1, -16 },
    { 0x2184, 0x2184, 1, -1 },
    { 0x24D0, 0x24E9, 1, -26 },
    { 0x2C30, 0x2C5F, 1, -48 },
    { 0x2C61, 0x2C61, 1, -1 },
    { 0x2C65, 0x2C65, 1, -10795 },
    { 0x2C66, 0x2C66, 1, -10792 },
    { 0x2C68, 0x2C6C, 2, -1 },
    { 0x2C73, 0x2C73, 1, -1 },
    { 0x2C76, 0x2C76, 1, -1 },
    { 0x2C81, 0x2CE3, 2, -1 },
    { 0x2CEC, 0x2CEE, 2, -1 },
    { 0x2CF3, 0x2CF3, 1, -1 },
    { 0x2D00, 0x2D25, 1, -7264 },
    { 0x2D27, 0x2D27, 1, -7264 },
    { 0x2D2D, 0x2D2D, 1, -7264 },
    { 0xA641, 0xA66D, 2, -1 },
    { 0xA681, 0xA69B, 2, -1 },
    { 0xA723, 0xA72F, 2, -1 },
    { 0xA733, 0xA76F, 2, -1 },
    { 0xA77A, 0xA77C, 2, -1 },
    { 0xA77F, 0xA787, 2, -1 },
    { 0xA78C, 0xA78C, 1, -1 },
    { 0xA791, 0xA793, 2, -1 },
    { 0xA794, 0xA794, 1, 48 },
    { 0xA797, 0xA7A9, 2, -1 },
    { 0xA7B5, 0xA7C3, 2, -1 },
    { 0xA7C8, 0xA7CA, 2, -1 },
    { 0xA7D1, 0xA7D1, 1, -1 },
    { 0xA7D7, 0xA7D9, 2, -1 },
    { 0xA7F6, 0xA7F6, 1, -1 },
    { 0xAB53, 0xAB53, 1, -928 },
    { 0xAB70, 0xABBF, 1, -38864 },
    { 0xFF41, 0xFF5A, 1, -32 },
};

char32_t mapCase(const CaseRun *begin, const CaseRun *end, char32_t c)
{
    auto it = std::upper_bound(begin, end, c, [](char32_t v, const CaseRun &r) { return v < r.first; });
    if (it == begin)
        return c;
    --it;
    if (c > it->last || (c - it->first) % it->stride != 0)
        return c;
    return static_cast<char32_t>(static_cast<std::int32_t>(c) + it->delta);
}

char32_t lowerCp(char32_t c)
{
    if (c < 0x80)
        return isAsciiUpper(static_cast<unsigned char>(c)) ? c + 32 : c;
    return mapCase(std::begin(kToLower), std::end(kToLower), c);
}

char32_t upperCp(char32_t c)
{
    if (c < 0x80)
        return isAsciiLower(static_cast<unsigned char>(c)) ? c - 32 : c;
    return mapCase(std::begin(kToUpper), std::end(kToUpper), c);
}

/// The Latin digraphs that have a distinct titlecase form (Dž, Lj, Nj, Dz).
bool isTitleCp(char32_t c)
{
    return c == 0x1C5 || c == 0x1C8 || c == 0x1CB || c == 0x1F2;
}

char32_t titleCp(char32_t c)
{
    if (c >= 0x1C4 && c <= 0x1CC)
        return 0x1C5 + (c - 0x1C4) / 3 * 3;
    if (c >= 0x1F1 && c <= 0x1F3)
        return 0x1F2;
    return upperCp(c);
}

bool isUpperCp(char32_t c)
{
    if (c < 0x80)
        return isAsciiUpper(static_cast<unsigned char>(c));
    return c == 0x130 || (!isTitleCp(c) && lowerCp(c) != c); // İ lowers to two code points
}

bool isLowerCp(char32_t c)
{
    if (c < 0x80)
        return isAsciiLower(static_cast<unsigned char>(c));
    // Lowercase letters without an uppercase partner are listed: ß, ĸ, ŉ, ª, º.
    return (!isTitleCp(c) && upperCp(c) != c) || c == 0xDF || c == 0x138 || c == 0x149 || c == 0xAA || c == 0xBA;
}

bool isCasedCp(char32_t c)
{
    return isUpperCp(c) || isLowerCp(c) || isTitleCp(c);
}

/// Approximates Unicode's case-ignorable property with the characters met in practice.
bool isCaseIgnorable(char32_t c)
{
    return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`' || c == 0xA8 || c == 0xAD || c == 0xAF || c == 0xB4 || c == 0xB7 || c == 0xB8
        || c == 0x2019 || (c >= 0x300 && c <= 0x36F);
}

bool isCombiningMark(char32_t c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) || (c >= 0x591 && c <= 0x5BD) || (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F)
        || c == 0x670 || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0x3099 && c <= 0x309A)
        || (c >= 0xFE20 && c <= 0xFE2F);
}

/// Letters: exact for ASCII and Latin-1; beyond that every code point that is not
/// whitespace, a digit, a combining mark or in a punctuation/symbol/private block.
/// Good enough for CJK, Cyrillic, Greek...; marks inside Indic words count as letters here.
bool isAlphaCp(char32_t c)
{
    if (c < 0x80)
        return isAsciiAlpha(static_cast<unsigned char>(c));
    if (c < 0x100)
        return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    if (lowerCp(c) != c || upperCp(c) != c)
        return true;
    if (isUnicodeSpace(c) || isDecimalCp(c) || isCombiningMark(c))
        return false;
    if (c == 0x37E || c == 0x387 || (c >= 0x55A && c <= 0x55F) || c == 0x589 || (c >= 0x5BE && c <= 0x5C7) || (c >= 0x5F3 && c <= 0x60F) || c == 0x61B
        || (c >= 0x61D && c <= 0x61F) || (c >= 0x66A && c <= 0x66D) || c == 0x6D4 || c == 0x964 || c == 0x965 || c == 0x970 || c == 0xE3F || c == 0xE4F
        || c == 0xE5A || c == 0xE5B)
        return false;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) || (c >= 0x2FF0 && c <= 0x3004) || (c >= 0x3007 && c <= 0x3020)
        || (c >= 0x3030 && c <= 0x3030) || c == 0x303D || c == 0x30A0 || c == 0x30FB || (c >= 0xD800 && c <= 0xF8FF) || (c >= 0xFE10 && c <= 0xFE6F)
        || (c >= 0xFF00 && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFFE0 && c <= 0xFFFF)
        || (c >= 0x1F000 && c <= 0x1FBFF) || c >= 0xE0000)
        return false;
    return true;
}

bool isAlnumCp(char32_t c)
{
    return isAlphaCp(c) || isNumericCp(c);
}

bool isPrintableCp(char32_t c)
{
    if (c < 0x80)
        return c >= 0x20 && c < 0x7F;
    if (c <= 0xA0 || c == 0xAD || isUnicodeSpace(c))
        return false;
    return !((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xD800 && c <= 0xF8FF)
        || (c >= 0xFFF9 && c <= 0xFFFB) || c >= 0xF0000);
}

// ---------------------------------------------------------------- argument parsing

/// Methods CPython declares with positional-or-keyword parameters (argument clinic):
/// fills slot i from position i or keyword params[i]; slots not given stay Undefined.
template <std::size_t N> std::array<Value, N> clinicArgs(const CallArgs &args, const char *name, const std::array<const char *, N> &params)
{
    std::array<Value, N> out;
    const std::size_t given = args.count + (args.keywords ? args.keywords->size() : 0);
    if (given > N)
        raise(types().TypeError,
            std::string(name) + "() takes at most " + std::to_string(N) + (N == 1 ? " argument (" : " arguments (") + std::to_string(given) + " given)");
    for (std::size_t i = 0; i < args.count; ++i)
        out[i] = args[i];
    if (args.keywords) {
        for (const auto &[key, value] : *args.keywords) {
            // Captured by name: clang before 16 cannot capture a structured binding (the fuzz build).
            auto it = std::find_if(params.begin(), params.end(), [&keyword = key](const char *p) { return keyword == p; });
            if (it == params.end())
                raise(types().TypeError, "'" + key + "' is an invalid keyword argument for " + name + "()");
            const auto slot = static_cast<std::size_t>(it - params.begin());
            if (slot < args.count)
                raise(types().TypeError,
                    std::string("argument for ") + name + "() given by name ('" + key + "') and position (" + std::to_string(slot + 1) + ")");
            out[slot] = value;
        }
    }
    return out;
}

/// Methods CPython parses with "O|O:name": "center expected at least 1 argument, got 0".
void expectArgs(const CallArgs &args, const char *qualified, const char *name, std::size_t min, std::size_t max)
{
    noKeywords(args, qualified);
    auto fail = [&](const char *which, std::size_t n) {
        raise(types().TypeError,
            std::string(name) + " expected " + which + " " + std::to_string(n) + (n == 1 ? " argument, got " : " arguments, got ")
                + std::to_string(args.count));
    };
    if (args.count < min)
        fail("at least", min);
    if (args.count > max)
        fail("at most", max);
}

/// METH_NOARGS / METH_O methods: "str.upper() takes no keyword arguments" comes first.
void fixedArgs(const CallArgs &args, const char *qualified, std::size_t n)
{
    noKeywords(args, qualified);
    checkArgCount(args, qualified, n, n);
}

/// How argument-clinic messages name a type: None is "None", not "NoneType".
std::string clinicTypeName(const Value &v)
{
    return v.isNone() ? "None" : typeName(v);
}

/// A str argument checked as argument clinic words it: "replace() argument 1 must be str, not None".
const std::string &clinicStr(const Value &v, const char *name, int position)
{
    if (!v.isKind(ObjKind::Str))
        raise(types().TypeError, std::string(name) + "() argument " + std::to_string(position) + " must be str, not " + clinicTypeName(v));
    return strOf(v).text;
}

/// The string argument of find/count/partition...: "must be str, not int".
const StrObject &strOperand(const Value &v)
{
    if (!v.isKind(ObjKind::Str))
        raise(types().TypeError, "must be str, not " + typeName(v));
    return strOf(v);
}

/// The needle of bytes.find/count/index: bytes or an int in range(256).
Sv bytesNeedle(const Value &v, char &single)
{
    if (v.isIntLike()) {
        const i64 b = v.asInt();
        if (b < 0 || b > 255)
            raise(types().ValueError, "byte must be in range(0, 256)");
        single = static_cast<char>(b);
        return Sv(&single, 1);
    }
    if (v.isKind(ObjKind::Bytes))
        return bytesOf(v);
    raise(types().TypeError, "argument should be integer or bytes-like object, not '" + typeName(v) + "'");
}

i64 sliceBound(const Value &v, i64 fallback)
{
    if (v.isUndefined() || v.isNone())
        return fallback;
    if (v.isIntLike())
        return v.asInt();
    raise(types().TypeError, "slice indices must be integers or None or have an __index__ method");
}

/// CPython's ADJUST_INDICES: start is not clamped to the length, so an empty window past
/// the end can be told apart from one at the end.
void adjustIndices(i64 &start, i64 &end, i64 length)
{
    if (end > length)
        end = length;
    else if (end < 0 && (end += length) < 0)
        end = 0;
    if (start < 0 && (start += length) < 0)
        start = 0;
}

// ---------------------------------------------------------------- indexed text

/// A str or bytes operand: its bytes, and whether Python's indices are bytes
/// (bytes, ASCII str) or code points.
struct Text {
    Sv data;
    bool byteIndexed;
    i64 length; // in index units
};

Text textOf(const StrObject &s)
{
    return { s.text, s.ascii, static_cast<i64>(s.length) };
}
Text textOf(const std::string &bytes)
{
    return { bytes, true, static_cast<i64>(bytes.size()) };
}

/// The bytes between adjusted indices start <= end.
Sv window(const Text &t, i64 start, i64 end)
{
    if (t.byteIndexed)
        return t.data.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    const std::size_t bs = start == 0 ? 0 : byteOffset(t.data, static_cast<std::size_t>(start));
    const std::size_t be = end == t.length ? t.data.size() : byteOffset(t.data, static_cast<std::size_t>(end), bs, static_cast<std::size_t>(start));
    return t.data.substr(bs, be - bs);
}

i64 findIn(const Text &t, Sv sub, i64 subLength, i64 start, i64 end, bool reverse)
{
    adjustIndices(start, end, t.length);
    if (end - start < subLength)
        return -1;
    const Sv w = window(t, start, end);
    const std::size_t pos = reverse ? w.rfind(sub) : w.find(sub);
    if (pos == Sv::npos)
        return -1;
    return start + static_cast<i64>(t.byteIndexed ? pos : countCodePoints(w.substr(0, pos)));
}

i64 countIn(const Text &t, Sv sub, i64 subLength, i64 start, i64 end)
{
    adjustIndices(start, end, t.length);
    if (end - start < subLength)
        return 0;
    if (sub.empty())
        return end - start + 1;
    const Sv w = window(t, start, end);
    if (sub.size() == 1)
        return std::count(w.begin(), w.end(), sub[0]);
    i64 n = 0;
    for (std::size_t pos = w.find(sub); pos != Sv::npos; pos = w.find(sub, pos + sub.size()))
        ++n;
    return n;
}

bool tailMatch(const Text &t, Sv sub, i64 subLength, i64 start, i64 end, bool atEnd)
{
    adjustIndices(start, end, t.length);
    if (end - subLength < start)
        return false;
    if (sub.empty())
        return true;
    const Sv w = window(t, start, end);
    return atEnd ? w.ends_with(sub) : w.starts_with(sub);
}

// ---------------------------------------------------------------- shared algorithms on bytes
// `unicode` selects str rules (Unicode whitespace, multi-byte characters) over bytes rules.

/// Byte length of the whitespace character at byte i, or 0.
std::size_t spaceAt(Sv s, std::size_t i, bool unicode)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
        return (unicode ? isAsciiStrSpace(c) : isBytesSpace(c)) ? 1 : 0;
    if (!unicode)
        return 0;
    std::size_t len;
    return isUnicodeSpace(decodeAt(s, i, len)) ? len : 0;
}

/// Byte length of the whitespace character ending right before byte i (i > 0), or 0.
std::size_t spaceBefore(Sv s, std::size_t i, bool unicode)
{
    const auto c = static_cast<unsigned char>(s[i - 1]);
    if (c < 0x80)
        return (unicode ? isAsciiStrSpace(c) : isBytesSpace(c)) ? 1 : 0;
    if (!unicode)
        return 0;
    const std::size_t b = previousStart(s, i);
    std::size_t len;
    return isUnicodeSpace(decodeAt(s, b, len)) ? i - b : 0;
}

inline std::size_t charLength(Sv s, std::size_t i, bool unicode)
{
    return unicode ? std::min(leadLength(static_cast<unsigned char>(s[i])), s.size() - i) : 1;
}

inline std::size_t stepBack(Sv s, std::size_t i, bool unicode)
{
    return unicode ? previousStart(s, i) : i - 1;
}

void splitWhitespace(Sv s, i64 maxsplit, bool unicode, std::vector<Sv> &out)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    for (; maxsplit > 0; --maxsplit) {
        while (i < n) {
            const std::size_t l = spaceAt(s, i, unicode);
            if (!l)
                break;
            i += l;
        }
        if (i == n)
            break;
        const std::size_t j = i;
        i += charLength(s, i, unicode);
        while (i < n && !spaceAt(s, i, unicode))
            i += charLength(s, i, unicode);
        out.push_back(s.substr(j, i - j));
    }
    if (i < n) {
        while (i < n) {
            const std::size_t l = spaceAt(s, i, unicode);
            if (!l)
                break;
            i += l;
        }
        if (i != n)
            out.push_back(s.substr(i));
    }
}

void rsplitWhitespace(Sv s, i64 maxsplit, bool unicode, std::vector<Sv> &out)
{
    std::size_t e = s.size();
    for (; maxsplit > 0; --maxsplit) {
        while (e > 0) {
            const std::size_t l = spaceBefore(s, e, unicode);
            if (!l)
                break;
            e -= l;
        }
        if (e == 0)
            break;
        const std::size_t j = e;
        e = stepBack(s, e, unicode);
        while (e > 0 && !spaceBefore(s, e, unicode))
            e = stepBack(s, e, unicode);
        out.push_back(s.substr(e, j - e));
    }
    if (e > 0) {
        while (e > 0) {
            const std::size_t l = spaceBefore(s, e, unicode);
            if (!l)
                break;
            e -= l;
        }
        if (e > 0)
            out.push_back(s.substr(0, e));
    }
    std::reverse(out.begin(), out.end());
}

void splitSeparator(Sv s, Sv sep, i64 maxsplit, std::vector<Sv> &out)
{
    std::size_t i = 0;
    for (; maxsplit > 0; --maxsplit) {
        const std::size_t pos = s.find(sep, i);
        if (pos == Sv::npos)
            break;
        out.push_back(s.substr(i, pos - i));
        i = pos + sep.size();
    }
    out.push_back(s.substr(i));
}

void rsplitSeparator(Sv s, Sv sep, i64 maxsplit, std::vector<Sv> &out)
{
    std::size_t e = s.size();
    for (; maxsplit > 0; --maxsplit) {
        if (e < sep.size())
            break;
        const std::size_t pos = s.substr(0, e).rfind(sep);
        if (pos == Sv::npos)
            break;
        out.push_back(s.substr(pos + sep.size(), e - pos - sep.size()));
        e = pos;
    }
    out.push_back(s.substr(0, e));
    std::reverse(out.begin(), out.end());
}

/// Byte length of the line break at byte i, or 0 (CR LF counts as one break).
std::size_t lineBreakAt(Sv s, std::size_t i, bool unicode)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\r')
        return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
    if (c == '\n')
        return 1;
    if (!unicode)
        return 0;
    if (c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E))
        return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85)
        return 2; // U+0085
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80
        && (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
        return 3; // U+2028, U+2029
    return 0;
}

void splitLines(Sv s, bool keepends, bool unicode, std::vector<Sv> &out)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const std::size_t j = i;
        std::size_t brk = 0;
        while (i < n && !(brk = lineBreakAt(s, i, unicode)))
            ++i;
        std::size_t eol = i;
        if (i < n) {
            i += brk;
            if (keepends)
                eol = i;
        }
        out.push_back(s.substr(j, eol - j));
    }
}

template <class At, class Before> Sv stripWith(Sv s, bool left, bool right, At at, Before before)
{
    std::size_t b = 0, e = s.size();
    if (left)
        while (b < e) {
            const std::size_t l = at(s, b);
            if (!l)
                break;
            b += l;
        }
    if (right)
        while (e > b) {
            const std::size_t l = before(s, e);
            if (!l)
                break;
            e -= l;
        }
    return s.substr(b, e - b);
}

/// Strips bytes (or ASCII characters) found in `chars`.
Sv stripBytes(Sv s, Sv chars, bool left, bool right)
{
    std::array<bool, 256> in {};
    for (char c : chars)
        in[static_cast<unsigned char>(c)] = true;
    return stripWith(
        s, left, right, [&](Sv t, std::size_t i) -> std::size_t { return in[static_cast<unsigned char>(t[i])]; },
        [&](Sv t, std::size_t i) -> std::size_t { return in[static_cast<unsigned char>(t[i - 1])]; });
}

Sv stripSpace(Sv s, bool unicode, bool left, bool right)
{
    return stripWith(
        s, left, right, [&](Sv t, std::size_t i) { return spaceAt(t, i, unicode); }, [&](Sv t, std::size_t i) { return spaceBefore(t, i, unicode); });
}

/// s.replace(old, rep, count); `unicode` makes an empty `old` insert between code points.
std::string replaceText(Sv s, Sv old, Sv rep, i64 count, bool unicode)
{
    std::string out;
    if (old.empty()) {
        std::size_t i = 0;
        out.reserve(s.size() + rep.size() * std::min<std::size_t>(s.size() + 1, 64));
        for (i64 n = 0; n < count; ++n) {
            out += rep;
            if (i == s.size())
                break;
            const std::size_t l = charLength(s, i, unicode);
            out.append(s.substr(i, l));
            i += l;
        }
        out.append(s.substr(i));
        return out;
    }
    std::size_t i = 0;
    for (i64 n = 0; n < count; ++n) {
        const std::size_t pos = s.find(old, i);
        if (pos == Sv::npos)
            break;
        out.append(s.substr(i, pos - i));
        out += rep;
        i = pos + old.size();
    }
    out.append(s.substr(i));
    return out;
}

/// center/ljust/rjust: `fill` is one character's bytes; lengths in index units.
std::string padText(Sv s, i64 length, i64 width, Sv fill, char how)
{
    const i64 margin = width - length;
    const i64 left = how == 'l' ? 0 : how == 'r' ? margin : margin / 2 + (margin & width & 1);
    std::string out;
    out.reserve(s.size() + static_cast<std::size_t>(margin) * fill.size());
    for (i64 k = 0; k < left; ++k)
        out += fill;
    out += s;
    for (i64 k = left; k < margin; ++k)
        out += fill;
    return out;
}

std::string zfillText(Sv s, i64 length, i64 width)
{
    const auto fill = static_cast<std::size_t>(width - length);
    std::string out(fill, '0');
    out += s;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        out[0] = s[0];
        out[fill] = '0';
    }
    return out;
}

std::string expandTabs(Sv s, i64 tabsize)
{
    std::string out;
    out.reserve(s.size());
    i64 column = 0;
    for (char c : s) {
        if (c == '\t') {
            if (tabsize > 0) {
                const i64 incr = tabsize - column % tabsize;
                out.append(static_cast<std::size_t>(incr), ' ');
                column += incr;
            }
            continue;
        }
        out += c;
        if (!isContinuation(c))
            ++column;
        if (c == '\n' || c == '\r')
            column = 0;
    }
    return out;
}

// ASCII case mappings: all of bytes, and ASCII str.
std::string asciiUpper(Sv s)
{
    std::string out(s);
    for (char &c : out)
        if (isAsciiLower(static_cast<unsigned char>(c)))
            c = static_cast<char>(c - 32);
    return out;
}

std::string asciiLower(Sv s)
{
    std::string out(s);
    for (char &c : out)
        if (isAsciiUpper(static_cast<unsigned char>(c)))
            c = static_cast<char>(c + 32);
    return out;
}

std::string asciiSwapcase(Sv s)
{
    std::string out(s);
    for (char &c : out)
        if (isAsciiAlpha(static_cast<unsigned char>(c)))
            c = static_cast<char>(c ^ 0x20);
    return out;
}

std::string asciiTitle(Sv s)
{
    std::string out(s);
    bool previousCased = false;
    for (char &c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (isAsciiAlpha(u)) {
            c = static_cast<char>(previousCased ? (u | 0x20) : (u & ~0x20));
            previousCased = true;
        } else {
            previousCased = false;
        }
    }
    return out;
}

std::string asciiCapitalize(Sv s)
{
    std::string out = asciiLower(s);
    if (!out.empty() && isAsciiLower(static_cast<unsigned char>(out[0])))
        out[0] = static_cast<char>(out[0] - 32);
    return out;
}

// ---------------------------------------------------------------- full (non-ASCII) case mapping

/// Lowercase of u[i], with CPython's final-sigma rule and İ -> i̇.
void appendLower(std::string &out, const std::u32string &u, std::size_t i)
{
    const char32_t c = u[i];
    if (c == 0x3A3) {
        std::size_t j = i;
        while (j > 0 && isCaseIgnorable(u[j - 1]))
            --j;
        bool finalSigma = j > 0 && isCasedCp(u[j - 1]);
        if (finalSigma) {
            std::size_t k = i + 1;
            while (k < u.size() && isCaseIgnorable(u[k]))
                ++k;
            finalSigma = k == u.size() || !isCasedCp(u[k]);
        }
        appendUtf8(out, finalSigma ? 0x3C2 : 0x3C3);
    } else if (c == 0x130) {
        out += "i\xCC\x87";
    } else {
        appendUtf8(out, lowerCp(c));
    }
}

void appendUpper(std::string &out, char32_t c)
{
    if (c == 0xDF)
        out += "SS";
    else
        appendUtf8(out, upperCp(c));
}

void appendTitle(std::string &out, char32_t c)
{
    if (c == 0xDF)
        out += "Ss";
    else
        appendUtf8(out, titleCp(c));
}

enum class CaseOp { Lower, Upper, Swap, Title, Capitalize, Casefold };

std::string unicodeCase(const std::string &text, CaseOp op)
{
    const std::u32string u = toUtf32(text);
    std::string out;
    out.reserve(text.size() + 8);
    bool previousCased = false;
    for (std::size_t i = 0; i < u.size(); ++i) {
        const char32_t c = u[i];
        switch (op) {
        case CaseOp::Lower:
            appendLower(out, u, i);
            break;
        case CaseOp::Upper:
            appendUpper(out, c);
            break;
        case CaseOp::Swap:
            if (isUpperCp(c))
                appendLower(out, u, i);
            else if (isLowerCp(c))
                appendUpper(out, c);
            else
                appendUtf8(out, c);
            break;
        case CaseOp::Title:
            if (previousCased)
                appendLower(out, u, i);
            else
                appendTitle(out, c);
            previousCased = isCasedCp(c);
            break;
        case CaseOp::Capitalize:
            if (i == 0)
                appendTitle(out, c);
            else
                appendLower(out, u, i);
            break;
        case CaseOp::Casefold:
            if (c == 0xDF)
                out += "ss";
            else if (c == 0x3C2)
                appendUtf8(out, 0x3C3);
            else if (c == 0xB5)
                appendUtf8(out, 0x3BC);
            else if (c == 0x17F)
                out += 's';
            else if (c == 0x130)
                out += "i\xCC\x87";
            else
                appendUtf8(out, lowerCp(c));
            break;
        }
    }
    return out;
}

// ---------------------------------------------------------------- codecs

enum class Codec { Utf8, Ascii, Latin1 };

const char *codecName(Codec c)
{
    return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1";
}

/// Resolves an encoding name the way CPython's encodings package normalises and aliases it.
Codec lookupCodec(const std::string &name)
{
    std::string norm;
    bool pendingUnderscore = false;
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (isAsciiAlpha(c) || isAsciiDigit(c) || c == '.') {
            if (pendingUnderscore && !norm.empty())
                norm += '_';
            pendingUnderscore = false;
            norm += static_cast<char>(isAsciiUpper(c) ? c + 32 : c);
        } else {
            pendingUnderscore = true;
        }
    }
    static const std::pair<const char *, Codec> aliases[] = {
        { "utf_8", Codec::Utf8 },
        { "utf8", Codec::Utf8 },
        { "u8", Codec::Utf8 },
        { "utf", Codec::Utf8 },
        { "utf8_ucs2", Codec::Utf8 },
        { "utf8_ucs4", Codec::Utf8 },
        { "cp65001", Codec::Utf8 },
        { "ascii", Codec::Ascii },
        { "us_ascii", Codec::Ascii },
        { "646", Codec::Ascii },
        { "us", Codec::Ascii },
        { "ansi_x3.4_1968", Codec::Ascii },
        { "ansi_x3_4_1968", Codec::Ascii },
        { "ansi_x3.4_1986", Codec::Ascii },
        { "cp367", Codec::Ascii },
        { "csascii", Codec::Ascii },
        { "ibm367", Codec::Ascii },
        { "iso646_us", Codec::Ascii },
        { "iso_646.irv_1991", Codec::Ascii },
        { "iso_ir_6", Codec::Ascii },
        { "latin_1", Codec::Latin1 },
        { "latin1", Codec::Latin1 },
        { "latin", Codec::Latin1 },
        { "l1", Codec::Latin1 },
        { "iso_8859_1", Codec::Latin1 },
        { "iso8859_1", Codec::Latin1 },
        { "iso8859", Codec::Latin1 },
        { "8859", Codec::Latin1 },
        { "cp819", Codec::Latin1 },
        { "ibm819", Codec::Latin1 },
        { "csisolatin1", Codec::Latin1 },
        { "iso_8859_1_1987", Codec::Latin1 },
        { "iso_ir_100", Codec::Latin1 },
    };
    for (const auto &[alias, codec] : aliases)
        if (norm == alias)
            return codec;
    raise(types().LookupError, "unknown encoding: " + name);
}

enum class ErrorHandler { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, SurrogateEscape };

/// Looked up only when an error happens, as CPython does (a bad name is harmless on clean input).
ErrorHandler lookupErrorHandler(const std::string &name, bool encoding)
{
    if (name == "strict")
        return ErrorHandler::Strict;
    if (name == "ignore")
        return ErrorHandler::Ignore;
    if (name == "replace")
        return ErrorHandler::Replace;
    if (name == "backslashreplace")
        return ErrorHandler::BackslashReplace;
    if (name == "surrogateescape")
        return ErrorHandler::SurrogateEscape;
    if (name == "xmlcharrefreplace") {
        if (encoding)
            return ErrorHandler::XmlCharRefReplace;
        raise(types().TypeError, "don't know how to handle UnicodeDecodeError in error callback");
    }
    raise(types().LookupError, "unknown error handler name '" + name + "'");
}

std::string encodeText(const StrObject &s, Codec codec, const std::string &errors)
{
    if (s.ascii)
        return s.text;
    const char32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
    auto encodable = [&](char32_t c) { return c < limit && !(codec == Codec::Utf8 && c >= 0xD800 && c <= 0xDFFF); };
    if (codec == Codec::Utf8 && s.text.find("\xED") == std::string::npos)
        return s.text; // no surrogates: the UTF-8 is already the encoding
    const std::u32string u = toUtf32(s.text);
    std::string out;
    out.reserve(u.size());
    for (std::size_t i = 0; i < u.size();) {
        const char32_t c = u[i];
        if (encodable(c)) {
            if (codec == Codec::Utf8)
                appendUtf8(out, c);
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < u.size() && !encodable(u[end]))
            ++end;
        auto fail = [&]() -> void {
            const std::string reason = codec == Codec::Utf8 ? "surrogates not allowed"
                : codec == Codec::Ascii                     ? "ordinal not in range(128)"
                                                            : "ordinal not in range(256)";
            std::string message = std::string("'") + codecName(codec) + "' codec can't encode ";
            if (end == i + 1)
                message += "character '" + escapedCodePoint(u[i]) + "' in position " + std::to_string(i);
            else
                message += "characters in position " + std::to_string(i) + "-" + std::to_string(end - 1);
            raise(types().UnicodeEncodeError, message + ": " + reason);
        };
        switch (lookupErrorHandler(errors, true)) {
        case ErrorHandler::Strict:
            fail();
            break;
        case ErrorHandler::Ignore:
            break;
        case ErrorHandler::Replace:
            out.append(end - i, '?');
            break;
        case ErrorHandler::BackslashReplace:
            for (std::size_t k = i; k < end; ++k)
                out += escapedCodePoint(u[k]);
            break;
        case ErrorHandler::XmlCharRefReplace:
            for (std::size_t k = i; k < end; ++k)
                out += "&#" + std::to_string(static_cast<std::uint32_t>(u[k])) + ";";
            break;
        case ErrorHandler::SurrogateEscape:
            for (std::size_t k = i; k < end; ++k) {
                if (u[k] < 0xDC80 || u[k] > 0xDCFF) {
                    end = k + 1;
                    i = k;
                    fail();
                }
                out += static_cast<char>(u[k] - 0xDC00);
            }
            break;
        }
        i = end;
    }
    return out;
}

/// Length of the valid UTF-8 sequence at byte i, or 0 with CPython's error span and reason.
std::size_t checkUtf8At(Sv s, std::size_t i, std::size_t &errorEnd, const char *&reason)
{
    const auto ch = static_cast<unsigned char>(s[i]);
    const std::size_t left = s.size() - i;
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    auto cont = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    auto invalid = [&](std::size_t span) -> std::size_t {
        errorEnd = i + span;
        reason = "invalid continuation byte";
        return 0;
    };
    auto truncated = [&]() -> std::size_t {
        errorEnd = s.size();
        reason = "unexpected end of data";
        return 0;
    };
    if (ch < 0x80)
        return 1;
    if (ch < 0xC2 || ch > 0xF4) {
        errorEnd = i + 1;
        reason = "invalid start byte";
        return 0;
    }
    if (ch < 0xE0) {
        if (left < 2)
            return truncated();
        return cont(at(1)) ? 2 : invalid(1);
    }
    // A bad second byte also covers overlong forms and surrogates (E0 80..9F, ED A0..BF,
    // F0 80..8F, F4 90..), as CPython reports them.
    auto badSecond = [&](unsigned char c2) {
        if (!cont(c2))
            return true;
        if (ch < 0xF0)
            return c2 < 0xA0 ? ch == 0xE0 : ch == 0xED;
        return c2 < 0x90 ? ch == 0xF0 : ch == 0xF4;
    };
    const std::size_t need = ch < 0xF0 ? 3 : 4;
    for (std::size_t k = 1; k < need; ++k) {
        if (k >= left)
            return truncated();
        if (k == 1 ? badSecond(at(1)) : !cont(at(k)))
            return invalid(k);
    }
    return need;
}

std::string decodeBytes(const std::string &data, Codec codec, const std::string &errors)
{
    if (std::all_of(data.begin(), data.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return data;
    std::string out;
    out.reserve(data.size() + 8);
    if (codec == Codec::Latin1) {
        for (char c : data)
            appendUtf8(out, static_cast<unsigned char>(c));
        return out;
    }
    std::optional<ErrorHandler> handler;
    for (std::size_t i = 0; i < data.size();) {
        std::size_t len = 1, errorEnd = i + 1;
        const char *reason = "ordinal not in range(128)";
        if (codec == Codec::Utf8)
            len = checkUtf8At(data, i, errorEnd, reason);
        else if (static_cast<unsigned char>(data[i]) >= 0x80)
            len = 0;
        if (len) {
            out.append(data, i, len);
            i += len;
            continue;
        }
        if (!handler)
            handler = lookupErrorHandler(errors, false);
        switch (*handler) {
        case ErrorHandler::Strict: {
            std::string message = std::string("'") + codecName(codec) + "' codec can't decode ";
            if (errorEnd == i + 1) {
                static const char *digits = "0123456789abcdef";
                const auto b = static_cast<unsigned char>(data[i]);
                message += std::string("byte 0x") + digits[b >> 4] + digits[b & 0xF] + " in position " + std::to_string(i);
            } else {
                message += "bytes in position " + std::to_string(i) + "-" + std::to_string(errorEnd - 1);
            }
            raise(types().UnicodeDecodeError, message + ": " + reason);
        }
        case ErrorHandler::Ignore:
            break;
        case ErrorHandler::Replace:
            out += "\xEF\xBF\xBD";
            break;
        case ErrorHandler::BackslashReplace:
            for (std::size_t k = i; k < errorEnd; ++k)
                out += escapedCodePoint(static_cast<unsigned char>(data[k]));
            break;
        case ErrorHandler::SurrogateEscape:
            for (std::size_t k = i; k < errorEnd; ++k) {
                const auto b = static_cast<unsigned char>(data[k]);
                appendUtf8(out, b < 0x80 ? b : 0xDC00 + b);
            }
            break;
        case ErrorHandler::XmlCharRefReplace:
            break; // rejected by lookupErrorHandler for decoding
        }
        i = errorEnd;
    }
    return out;
}

// ---------------------------------------------------------------- results

Value makeText(bool isStr, std::string s)
{
    return isStr ? newStr(std::move(s)) : newBytes(std::move(s));
}

/// A piece of self's text: self itself when nothing was cut (both types are immutable).
Value pieceOf(const Value &self, bool isStr, Sv whole, Sv piece)
{
    if (piece.size() == whole.size())
        return self;
    return makeText(isStr, std::string(piece));
}

Value listOf(const std::vector<Sv> &parts, bool isStr)
{
    std::vector<Value> items;
    items.reserve(parts.size());
    for (Sv p : parts)
        items.push_back(makeText(isStr, std::string(p)));
    return newList(std::move(items));
}

Sv textOfSelf(const Value &self, bool isStr)
{
    return isStr ? Sv(strOf(self).text) : Sv(bytesOf(self));
}

// ---------------------------------------------------------------- shared methods (str and bytes)

Value splitImpl(const Value &self, CallArgs &args, bool isStr, bool reverse)
{
    const char *name = reverse ? "rsplit" : "split";
    auto a = clinicArgs<2>(args, name, { "sep", "maxsplit" });
    i64 maxsplit = a[1].isUndefined() ? -1 : toInt(a[1], "maxsplit");
    if (maxsplit < 0)
        maxsplit = kMaxIndex;
    const Sv text = textOfSelf(self, isStr);
    std::vector<Sv> parts;
    if (a[0].isUndefined() || a[0].isNone()) {
        if (reverse)
            rsplitWhitespace(text, maxsplit, isStr, parts);
        else
            splitWhitespace(text, maxsplit, isStr, parts);
        return listOf(parts, isStr);
    }
    Sv sep;
    if (isStr) {
        if (!a[0].isKind(ObjKind::Str))
            raise(types().TypeError, "must be str or None, not " + typeName(a[0]));
        sep = strOf(a[0]).text;
    } else {
        sep = bytesArg(a[0]);
    }
    if (sep.empty())
        raise(types().ValueError, "empty separator");
    if (reverse)
        rsplitSeparator(text, sep, maxsplit, parts);
    else
        splitSeparator(text, sep, maxsplit, parts);
    return listOf(parts, isStr);
}

Value splitlinesImpl(const Value &self, CallArgs &args, bool isStr)
{
    auto a = clinicArgs<1>(args, "splitlines", { "keepends" });
    const bool keepends = !a[0].isUndefined() && toInt(a[0], "keepends") != 0;
    std::vector<Sv> parts;
    splitLines(textOfSelf(self, isStr), keepends, isStr, parts);
    return listOf(parts, isStr);
}

Value partitionImpl(const Value &self, CallArgs &args, bool isStr, bool reverse)
{
    fixedArgs(args, isStr ? (reverse ? "str.rpartition" : "str.partition") : (reverse ? "bytes.rpartition" : "bytes.partition"), 1);
    const Sv sep = isStr ? Sv(strOperand(args[0]).text) : Sv(bytesArg(args[0]));
    if (sep.empty())
        raise(types().ValueError, "empty separator");
    const Sv text = textOfSelf(self, isStr);
    const std::size_t pos = reverse ? text.rfind(sep) : text.find(sep);
    const Value empty = makeText(isStr, std::string());
    if (pos == Sv::npos)
        return reverse ? newTuple({ empty, empty, self }) : newTuple({ self, empty, empty });
    return newTuple({ makeText(isStr, std::string(text.substr(0, pos))), args[0], makeText(isStr, std::string(text.substr(pos + sep.size()))) });
}

// ---------------------------------------------------------------- str methods

Value strSplit(Interpreter &, const Value &self, CallArgs &args)
{
    return splitImpl(self, args, true, false);
}
Value strRsplit(Interpreter &, const Value &self, CallArgs &args)
{
    return splitImpl(self, args, true, true);
}
Value strSplitlines(Interpreter &, const Value &self, CallArgs &args)
{
    return splitlinesImpl(self, args, true);
}
Value strPartition(Interpreter &, const Value &self, CallArgs &args)
{
    return partitionImpl(self, args, true, false);
}
Value strRpartition(Interpreter &, const Value &self, CallArgs &args)
{
    return partitionImpl(self, args, true, true);
}

/// Whether `v` can be materialised by toVector (else "can only join an iterable").
bool isIterable(const Value &v)
{
    if (!v.isObj())
        return false;
    switch (v.obj()->kind) {
    case ObjKind::Str:
    case ObjKind::Bytes:
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::Range:
    case ObjKind::DictView:
    case ObjKind::Iterator:
    case ObjKind::Opaque:
    case ObjKind::Generator:
        return true;
    case ObjKind::Instance:
        return !findDunder(v, "__iter__").isUndefined() || !findDunder(v, "__getitem__").isUndefined();
    default:
        return false;
    }
}

Value joinImpl(const Value &self, CallArgs &args, bool isStr)
{
    fixedArgs(args, isStr ? "str.join" : "bytes.join", 1);
    const Value &iterable = args[0];
    if (!isIterable(iterable))
        raise(types().TypeError, "can only join an iterable");
    std::vector<Value> materialised;
    const std::vector<Value> *items;
    if (iterable.isKind(ObjKind::List))
        items = &iterable.as<ListObject>()->items;
    else if (iterable.isKind(ObjKind::Tuple))
        items = &iterable.as<TupleObject>()->items;
    else {
        materialised = toVector(iterable);
        items = &materialised;
    }
    const Sv sep = textOfSelf(self, isStr);
    const ObjKind want = isStr ? ObjKind::Str : ObjKind::Bytes;
    std::size_t total = items->empty() ? 0 : sep.size() * (items->size() - 1);
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Value &item = (*items)[i];
        if (!item.isKind(want))
            raise(types().TypeError,
                "sequence item " + std::to_string(i) + (isStr ? ": expected str instance, " : ": expected a bytes-like object, ") + typeName(item) + " found");
        total += textOfSelf(item, isStr).size();
    }
    if (isStr && items->size() == 1)
        return (*items)[0];
    std::string out;
    out.reserve(total);
    for (std::size_t i = 0; i < items->size(); ++i) {
        if (i)
            out += sep;
        out += textOfSelf((*items)[i], isStr);
    }
    return makeText(isStr, std::move(out));
}

Value strJoin(Interpreter &, const Value &self, CallArgs &args)
{
    return joinImpl(self, args, true);
}

Value strStripImpl(const Value &self, CallArgs &args, const char *qualified, const char *name, bool left, bool right)
{
    expectArgs(args, qualified, name, 0, 1);
    const StrObject &s = strOf(self);
    Sv result;
    if (args.count == 0 || args[0].isNone()) {
        result = stripSpace(s.text, true, left, right);
    } else {
        if (!args[0].isKind(ObjKind::Str))
            raise(types().TypeError, std::string(name) + " arg must be None or str");
        const StrObject &chars = strOf(args[0]);
        if (chars.ascii) {
            result = stripBytes(s.text, chars.text, left, right);
        } else {
            const std::u32string set = toUtf32(chars.text);
            auto member = [&](char32_t c) { return set.find(c) != std::u32string::npos; };
            result = stripWith(
                s.text, left, right,
                [&](Sv t, std::size_t i) -> std::size_t {
                    std::size_t len;
                    return member(decodeAt(t, i, len)) ? len : 0;
                },
                [&](Sv t, std::size_t i) -> std::size_t {
                    const std::size_t b = previousStart(t, i);
                    std::size_t len;
                    return member(decodeAt(t, b, len)) ? i - b : 0;
                });
        }
    }
    return pieceOf(self, true, s.text, result);
}

Value strStrip(Interpreter &, const Value &self, CallArgs &args)
{
    return strStripImpl(self, args, "str.strip", "strip", true, true);
}
Value strLstrip(Interpreter &, const Value &self, CallArgs &args)
{
    return strStripImpl(self, args, "str.lstrip", "lstrip", true, false);
}
Value strRstrip(Interpreter &, const Value &self, CallArgs &args)
{
    return strStripImpl(self, args, "str.rstrip", "rstrip", false, true);
}

Value strCaseImpl(const Value &self, CallArgs &args, const char *qualified, CaseOp op)
{
    fixedArgs(args, qualified, 0);
    const StrObject &s = strOf(self);
    if (!s.ascii)
        return newStr(unicodeCase(s.text, op));
    switch (op) {
    case CaseOp::Lower:
    case CaseOp::Casefold:
        return newStr(asciiLower(s.text));
    case CaseOp::Upper:
        return newStr(asciiUpper(s.text));
    case CaseOp::Swap:
        return newStr(asciiSwapcase(s.text));
    case CaseOp::Title:
        return newStr(asciiTitle(s.text));
    case CaseOp::Capitalize:
        return newStr(asciiCapitalize(s.text));
    }
    return self;
}

Value strUpper(Interpreter &, const Value &self, CallArgs &args)
{
    return strCaseImpl(self, args, "str.upper", CaseOp::Upper);
}
Value strLower(Interpreter &, const Value &self, CallArgs &args)
{
    return strCaseImpl(self, args, "str.lower", CaseOp::Lower);
}
Value strTitle(Interpreter &, const Value &self, CallArgs &args)
{
    return strCaseImpl(self, args, "str.title", CaseOp::Title);
}
Value strCapitalize(Interpreter &, const Value &self, CallArgs &args)
{
    return strCaseImpl(self, args, "str.capitalize", CaseOp::Capitalize);
}
Value strSwapcase(Interpreter &, const Value &self, CallArgs &args)
{
    return strCaseImpl(self, args, "str.swapcase", CaseOp::Swap);
}
Value strCasefold(Interpreter &, const Value &self, CallArgs &args)
{
    return strCaseImpl(self, args, "str.casefold", CaseOp::Casefold);
}

Value strReplace(Interpreter &, const Value &self, CallArgs &args)
{
    expectArgs(args, "str.replace", "replace", 2, 3);
    const std::string &old = clinicStr(args[0], "replace", 1);
    const std::string &rep = clinicStr(args[1], "replace", 2);
    i64 count = args.count > 2 ? toInt(args[2], "count") : -1;
    if (count < 0)
        count = kMaxIndex;
    const StrObject &s = strOf(self);
    if (count == 0 || (old.empty() ? false : s.text.find(old) == std::string::npos))
        return self;
    return newStr(replaceText(s.text, old, rep, count, !s.ascii));
}

enum class Search { Find, RFind, Index, RIndex };

Value strSearch(const Value &self, CallArgs &args, const char *qualified, const char *name, Search how)
{
    noKeywords(args, qualified);
    checkArgCount(args, name, 1, 3);
    const StrObject &sub = strOperand(args[0]);
    const i64 start = args.count > 1 ? sliceBound(args[1], 0) : 0;
    const i64 end = args.count > 2 ? sliceBound(args[2], kMaxIndex) : kMaxIndex;
    const i64 at = findIn(textOf(strOf(self)), sub.text, static_cast<i64>(sub.length), start, end, how == Search::RFind || how == Search::RIndex);
    if (at < 0 && (how == Search::Index || how == Search::RIndex))
        raise(types().ValueError, "substring not found");
    return Value::integer(at);
}

Value strFind(Interpreter &, const Value &self, CallArgs &args)
{
    return strSearch(self, args, "str.find", "find", Search::Find);
}
Value strRfind(Interpreter &, const Value &self, CallArgs &args)
{
    return strSearch(self, args, "str.rfind", "rfind", Search::RFind);
}
Value strIndex(Interpreter &, const Value &self, CallArgs &args)
{
    return strSearch(self, args, "str.index", "index", Search::Index);
}
Value strRindex(Interpreter &, const Value &self, CallArgs &args)
{
    return strSearch(self, args, "str.rindex", "rindex", Search::RIndex);
}

Value strCount(Interpreter &, const Value &self, CallArgs &args)
{
    noKeywords(args, "str.count");
    checkArgCount(args, "count", 1, 3);
    const StrObject &sub = strOperand(args[0]);
    const i64 start = args.count > 1 ? sliceBound(args[1], 0) : 0;
    const i64 end = args.count > 2 ? sliceBound(args[2], kMaxIndex) : kMaxIndex;
    return Value::integer(countIn(textOf(strOf(self)), sub.text, static_cast<i64>(sub.length), start, end));
}

Value tailMatchImpl(const Value &self, CallArgs &args, bool isStr, bool atEnd)
{
    const char *name = atEnd ? "endswith" : "startswith";
    noKeywords(args, isStr ? (atEnd ? "str.endswith" : "str.startswith") : (atEnd ? "bytes.endswith" : "bytes.startswith"));
    checkArgCount(args, name, 1, 3);
    const i64 start = args.count > 1 ? sliceBound(args[1], 0) : 0;
    const i64 end = args.count > 2 ? sliceBound(args[2], kMaxIndex) : kMaxIndex;
    const Text text = isStr ? textOf(strOf(self)) : textOf(bytesOf(self));
    const ObjKind want = isStr ? ObjKind::Str : ObjKind::Bytes;
    auto matches = [&](const Value &prefix) {
        if (isStr) {
            const StrObject &p = strOf(prefix);
            return tailMatch(text, p.text, static_cast<i64>(p.length), start, end, atEnd);
        }
        const std::string &p = bytesArg(prefix);
        return tailMatch(text, p, static_cast<i64>(p.size()), start, end, atEnd);
    };
    if (args[0].isKind(ObjKind::Tuple)) {
        for (const Value &item : args[0].as<TupleObject>()->items) {
            if (isStr && !item.isKind(want))
                raise(types().TypeError, std::string("tuple for ") + name + " must only contain str, not " + typeName(item));
            if (matches(item))
                return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (!args[0].isKind(want))
        raise(types().TypeError,
            std::string(name) + (isStr ? " first arg must be str or a tuple of str, not " : " first arg must be bytes or a tuple of bytes, not ")
                + typeName(args[0]));
    return Value::boolean(matches(args[0]));
}

Value strStartswith(Interpreter &, const Value &self, CallArgs &args)
{
    return tailMatchImpl(self, args, true, false);
}
Value strEndswith(Interpreter &, const Value &self, CallArgs &args)
{
    return tailMatchImpl(self, args, true, true);
}

/// str.isX(): false when empty, else every code point passes (ASCII bytes checked directly).
template <bool (*Ascii)(unsigned char), bool (*Unicode)(char32_t)> Value strAll(const Value &self, CallArgs &args, const char *qualified)
{
    fixedArgs(args, qualified, 0);
    const StrObject &s = strOf(self);
    if (s.text.empty())
        return Value::boolean(false);
    if (s.ascii)
        return Value::boolean(std::all_of(s.text.begin(), s.text.end(), [](char c) { return Ascii(static_cast<unsigned char>(c)); }));
    for (std::size_t i = 0, len = 0; i < s.text.size(); i += len)
        if (!Unicode(decodeAt(s.text, i, len)))
            return Value::boolean(false);
    return Value::boolean(true);
}

constexpr bool asciiAlnum(unsigned char c)
{
    return isAsciiAlpha(c) || isAsciiDigit(c);
}
constexpr bool asciiPrintable(unsigned char c)
{
    return c >= 0x20 && c < 0x7F;
}

Value strIsdigit(Interpreter &, const Value &self, CallArgs &args)
{
    return strAll<isAsciiDigit, isDigitCp>(self, args, "str.isdigit");
}
Value strIsdecimal(Interpreter &, const Value &self, CallArgs &args)
{
    return strAll<isAsciiDigit, isDecimalCp>(self, args, "str.isdecimal");
}
Value strIsnumeric(Interpreter &, const Value &self, CallArgs &args)
{
    return strAll<isAsciiDigit, isNumericCp>(self, args, "str.isnumeric");
}
Value strIsalpha(Interpreter &, const Value &self, CallArgs &args)
{
    return strAll<isAsciiAlpha, isAlphaCp>(self, args, "str.isalpha");
}
Value strIsalnum(Interpreter &, const Value &self, CallArgs &args)
{
    return strAll<asciiAlnum, isAlnumCp>(self, args, "str.isalnum");
}
Value strIsspace(Interpreter &, const Value &self, CallArgs &args)
{
    return strAll<isAsciiStrSpace, isUnicodeSpace>(self, args, "str.isspace");
}

Value strIsprintable(Interpreter &, const Value &self, CallArgs &args)
{
    // Unlike the other predicates, the empty string is printable.
    if (strOf(self).text.empty()) {
        fixedArgs(args, "str.isprintable", 0);
        return Value::boolean(true);
    }
    return strAll<asciiPrintable, isPrintableCp>(self, args, "str.isprintable");
}

Value strIsascii(Interpreter &, const Value &self, CallArgs &args)
{
    fixedArgs(args, "str.isascii", 0);
    return Value::boolean(strOf(self).ascii);
}

/// isupper/islower: some cased character, and none of the opposite case (or titlecase).
Value strCasePredicate(const Value &self, CallArgs &args, const char *qualified, bool upper)
{
    fixedArgs(args, qualified, 0);
    const StrObject &s = strOf(self);
    bool cased = false;
    for (std::size_t i = 0, len = 0; i < s.text.size(); i += len) {
        const char32_t c = decodeAt(s.text, i, len);
        const bool isUp = isUpperCp(c), isLow = isLowerCp(c);
        if ((upper ? isLow : isUp) || isTitleCp(c))
            return Value::boolean(false);
        cased = cased || (upper ? isUp : isLow);
    }
    return Value::boolean(cased);
}

Value strIsupper(Interpreter &, const Value &self, CallArgs &args)
{
    return strCasePredicate(self, args, "str.isupper", true);
}
Value strIslower(Interpreter &, const Value &self, CallArgs &args)
{
    return strCasePredicate(self, args, "str.islower", false);
}

Value strIstitle(Interpreter &, const Value &self, CallArgs &args)
{
    fixedArgs(args, "str.istitle", 0);
    const StrObject &s = strOf(self);
    bool cased = false, previousCased = false;
    for (std::size_t i = 0, len = 0; i < s.text.size(); i += len) {
        const char32_t c = decodeAt(s.text, i, len);
        if (isUpperCp(c) || isTitleCp(c)) {
            if (previousCased)
                return Value::boolean(false);
            previousCased = cased = true;
        } else if (isLowerCp(c)) {
            if (!previousCased)
                return Value::boolean(false);
            previousCased = cased = true;
        } else {
            previousCased = false;
        }
    }
    return Value::boolean(cased);
}

Value strIsidentifier(Interpreter &, const Value &self, CallArgs &args)
{
    fixedArgs(args, "str.isidentifier", 0);
    const StrObject &s = strOf(self);
    if (s.text.empty())
        return Value::boolean(false);
    for (std::size_t i = 0, len = 0; i < s.text.size(); i += len) {
        const char32_t c = decodeAt(s.text, i, len);
        const bool ok = c == '_' || isAlphaCp(c) || (i > 0 && (isDecimalCp(c) || isCombiningMark(c)));
        if (!ok)
            return Value::boolean(false);
    }
    return Value::boolean(true);
}

/// The fill character of str.center/ljust/rjust, as its UTF-8 bytes.
Sv strFillChar(CallArgs &args)
{
    if (args.count < 2)
        return " ";
    const Value &f = args[1];
    if (!f.isKind(ObjKind::Str))
        raise(types().TypeError, "The fill character must be a unicode character, not " + typeName(f));
    if (strOf(f).length != 1)
        raise(types().TypeError, "The fill character must be exactly one character long");
    return strOf(f).text;
}

Value strPad(const Value &self, CallArgs &args, const char *qualified, const char *name, char how)
{
    expectArgs(args, qualified, name, 1, 2);
    const i64 width = toInt(args[0], "width");
    const Sv fill = strFillChar(args);
    const StrObject &s = strOf(self);
    if (width <= static_cast<i64>(s.length))
        return self;
    return newStr(padText(s.text, static_cast<i64>(s.length), width, fill, how));
}

Value strCenter(Interpreter &, const Value &self, CallArgs &args)
{
    return strPad(self, args, "str.center", "center", 'c');
}
Value strLjust(Interpreter &, const Value &self, CallArgs &args)
{
    return strPad(self, args, "str.ljust", "ljust", 'l');
}
Value strRjust(Interpreter &, const Value &self, CallArgs &args)
{
    return strPad(self, args, "str.rjust", "rjust", 'r');
}

Value strZfill(Interpreter &, const Value &self, CallArgs &args)
{
    fixedArgs(args, "str.zfill", 1);
    const i64 width = toInt(args[0], "width");
    const StrObject &s = strOf(self);
    if (static_cast<i64>(s.length) >= width)
        return self;
    return newStr(zfillText(s.text, static_cast<i64>(s.length), width));
}

Value strEncode(Interpreter &, const Value &self, CallArgs &args)
{
    auto a = clinicArgs<2>(args, "encode", { "encoding", "errors" });
    for (std::size_t k = 0; k < 2; ++k)
        if (!a[k].isUndefined() && !a[k].isKind(ObjKind::Str))
            raise(types().TypeError, std::string("encode() argument '") + (k ? "errors" : "encoding") + "' must be str, not " + clinicTypeName(a[k]));
    const Codec codec = a[0].isUndefined() ? Codec::Utf8 : lookupCodec(strOf(a[0]).text);
    const std::string errors = a[1].isUndefined() ? "strict" : strOf(a[1]).text;
    return newBytes(encodeText(strOf(self), codec, errors));
}

Value strFormatMethod(Interpreter &, const Value &self, CallArgs &args)
{
    return newStr(strFormat(strOf(self).text, args));
}

Value strExpandtabs(Interpreter &, const Value &self, CallArgs &args)
{
    auto a = clinicArgs<1>(args, "expandtabs", { "tabsize" });
    const i64 tabsize = a[0].isUndefined() ? 8 : toInt(a[0], "tabsize");
    const StrObject &s = strOf(self);
    if (s.text.find('\t') == std::string::npos)
        return self;
    return newStr(expandTabs(s.text, tabsize));
}

Value strRemoveAffix(const Value &self, CallArgs &args, bool prefix)
{
    const char *name = prefix ? "removeprefix" : "removesuffix";
    fixedArgs(args, prefix ? "str.removeprefix" : "str.removesuffix", 1);
    if (!args[0].isKind(ObjKind::Str))
        raise(types().TypeError, std::string(name) + "() argument must be str, not " + clinicTypeName(args[0]));
    const Sv text = strOf(self).text;
    const Sv affix = strOf(args[0]).text;
    if (affix.empty() || !(prefix ? text.starts_with(affix) : text.ends_with(affix)))
        return self;
    return newStr(std::string(prefix ? text.substr(affix.size()) : text.substr(0, text.size() - affix.size())));
}

Value strRemoveprefix(Interpreter &, const Value &self, CallArgs &args)
{
    return strRemoveAffix(self, args, true);
}
Value strRemovesuffix(Interpreter &, const Value &self, CallArgs &args)
{
    return strRemoveAffix(self, args, false);
}

// ---------------------------------------------------------------- bytes methods

Value bytesDecode(Interpreter &, const Value &self, CallArgs &args)
{
    auto a = clinicArgs<2>(args, "decode", { "encoding", "errors" });
    for (std::size_t k = 0; k < 2; ++k)
        if (!a[k].isUndefined() && !a[k].isKind(ObjKind::Str))
            raise(types().TypeError, std::string("decode() argument '") + (k ? "errors" : "encoding") + "' must be str, not " + clinicTypeName(a[k]));
    const Codec codec = a[0].isUndefined() ? Codec::Utf8 : lookupCodec(strOf(a[0]).text);
    const std::string errors = a[1].isUndefined() ? "strict" : strOf(a[1]).text;
    return newStr(decodeBytes(bytesOf(self), codec, errors));
}

Value bytesHex(Interpreter &, const Value &self, CallArgs &args)
{
    auto a = clinicArgs<2>(args, "hex", { "sep", "bytes_per_sep" });
    const std::string &data = bytesOf(self);
    char sep = 0;
    if (!a[0].isUndefined()) {
        // CPython checks the length before the type, hence the odd messages for non-strings.
        if (lengthOf(a[0]) != 1)
            raise(types().ValueError, "sep must be length 1.");
        Sv s;
        if (a[0].isKind(ObjKind::Str))
            s = strOf(a[0]).text;
        else if (a[0].isKind(ObjKind::Bytes))
            s = bytesOf(a[0]);
        else
            raise(types().TypeError, "sep must be str or bytes.");
        if (static_cast<unsigned char>(s[0]) >= 0x80)
            raise(types().ValueError, "sep must be ASCII.");
        sep = s[0];
    }
    const i64 perSep = a[1].isUndefined() ? 1 : toInt(a[1], "bytes_per_sep");
    static const char *digits = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() * 3);
    const std::size_t group = static_cast<std::size_t>(perSep < 0 ? -perSep : perSep);
    const std::size_t n = data.size();
    for (std::size_t i = 0; i < n; ++i) {
        // Groups are counted from the right for a positive bytes_per_sep, from the left otherwise.
        if (sep && group && i > 0 && (perSep > 0 ? (n - i) % group == 0 : i % group == 0))
            out += sep;
        const auto b = static_cast<unsigned char>(data[i]);
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    return newStr(std::move(out));
}

/// bytes.fromhex, a classmethod: self is the type or an instance, and unused either way.
Value bytesFromhex(Interpreter &, const Value &, CallArgs &args)
{
    fixedArgs(args, "bytes.fromhex", 1);
    if (!args[0].isKind(ObjKind::Str))
        raise(types().TypeError, "fromhex() argument must be str, not " + typeName(args[0]));
    const std::u32string text = toUtf32(strOf(args[0]).text);
    auto digit = [](char32_t c) -> int {
        if (c >= '0' && c <= '9')
            return static_cast<int>(c - '0');
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            return static_cast<int>((c | 0x20) - 'a' + 10);
        return -1;
    };
    std::string out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] < 0x80 && isBytesSpace(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        const int high = digit(text[i]);
        const int low = i + 1 < text.size() ? digit(text[i + 1]) : -1;
        if (high < 0 || low < 0)
            raise(types().ValueError, "non-hexadecimal number found in fromhex() arg at position " + std::to_string(high < 0 ? i : i + 1));
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return newBytes(std::move(out));
}

Value bytesSplit(Interpreter &, const Value &self, CallArgs &args)
{
    return splitImpl(self, args, false, false);
}
Value bytesRsplit(Interpreter &, const Value &self, CallArgs &args)
{
    return splitImpl(self, args, false, true);
}
Value bytesSplitlines(Interpreter &, const Value &self, CallArgs &args)
{
    return splitlinesImpl(self, args, false);
}
Value bytesJoin(Interpreter &, const Value &self, CallArgs &args)
{
    return joinImpl(self, args, false);
}
Value bytesPartition(Interpreter &, const Value &self, CallArgs &args)
{
    return partitionImpl(self, args, false, false);
}
Value bytesRpartition(Interpreter &, const Value &self, CallArgs &args)
{
    return partitionImpl(self, args, false, true);
}
Value bytesStartswith(Interpreter &, const Value &self, CallArgs &args)
{
    return tailMatchImpl(self, args, false, false);
}
Value bytesEndswith(Interpreter &, const Value &self, CallArgs &args)
{
    return tailMatchImpl(self, args, false, true);
}

Value bytesStripImpl(const Value &self, CallArgs &args, const char *qualified, const char *name, bool left, bool right)
{
    expectArgs(args, qualified, name, 0, 1);
    const std::string &data = bytesOf(self);
    const Sv result = args.count == 0 || args[0].isNone() ? stripSpace(data, false, left, right) : stripBytes(data, bytesArg(args[0]), left, right);
    return pieceOf(self, false, data, result);
}

Value bytesStrip(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesStripImpl(self, args, "bytes.strip", "strip", true, true);
}
Value bytesLstrip(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesStripImpl(self, args, "bytes.lstrip", "lstrip", true, false);
}
Value bytesRstrip(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesStripImpl(self, args, "bytes.rstrip", "rstrip", false, true);
}

Value bytesSearch(const Value &self, CallArgs &args, const char *qualified, const char *name, Search how)
{
    noKeywords(args, qualified);
    checkArgCount(args, name, 1, 3);
    char single;
    const Sv sub = bytesNeedle(args[0], single);
    const i64 start = args.count > 1 ? sliceBound(args[1], 0) : 0;
    const i64 end = args.count > 2 ? sliceBound(args[2], kMaxIndex) : kMaxIndex;
    const i64 at = findIn(textOf(bytesOf(self)), sub, static_cast<i64>(sub.size()), start, end, how == Search::RFind || how == Search::RIndex);
    if (at < 0 && (how == Search::Index || how == Search::RIndex))
        raise(types().ValueError, "subsection not found");
    return Value::integer(at);
}

Value bytesFind(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesSearch(self, args, "bytes.find", "find", Search::Find);
}
Value bytesRfind(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesSearch(self, args, "bytes.rfind", "rfind", Search::RFind);
}
Value bytesIndex(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesSearch(self, args, "bytes.index", "index", Search::Index);
}
Value bytesRindex(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesSearch(self, args, "bytes.rindex", "rindex", Search::RIndex);
}

Value bytesCount(Interpreter &, const Value &self, CallArgs &args)
{
    noKeywords(args, "bytes.count");
    checkArgCount(args, "count", 1, 3);
    char single;
    const Sv sub = bytesNeedle(args[0], single);
    const i64 start = args.count > 1 ? sliceBound(args[1], 0) : 0;
    const i64 end = args.count > 2 ? sliceBound(args[2], kMaxIndex) : kMaxIndex;
    return Value::integer(countIn(textOf(bytesOf(self)), sub, static_cast<i64>(sub.size()), start, end));
}

Value bytesReplace(Interpreter &, const Value &self, CallArgs &args)
{
    expectArgs(args, "bytes.replace", "replace", 2, 3);
    const std::string &old = bytesArg(args[0]);
    const std::string &rep = bytesArg(args[1]);
    i64 count = args.count > 2 ? toInt(args[2], "count") : -1;
    if (count < 0)
        count = kMaxIndex;
    const std::string &data = bytesOf(self);
    if (count == 0 || (!old.empty() && data.find(old) == std::string::npos))
        return self;
    return newBytes(replaceText(data, old, rep, count, false));
}

Value bytesCaseImpl(const Value &self, CallArgs &args, const char *qualified, std::string (*fn)(Sv))
{
    fixedArgs(args, qualified, 0);
    return newBytes(fn(bytesOf(self)));
}

Value bytesUpper(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesCaseImpl(self, args, "bytes.upper", asciiUpper);
}
Value bytesLower(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesCaseImpl(self, args, "bytes.lower", asciiLower);
}
Value bytesTitle(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesCaseImpl(self, args, "bytes.title", asciiTitle);
}
Value bytesCapitalize(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesCaseImpl(self, args, "bytes.capitalize", asciiCapitalize);
}
Value bytesSwapcase(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesCaseImpl(self, args, "bytes.swapcase", asciiSwapcase);
}

template <bool (*Pred)(unsigned char)> Value bytesAll(const Value &self, CallArgs &args, const char *qualified)
{
    fixedArgs(args, qualified, 0);
    const std::string &data = bytesOf(self);
    return Value::boolean(!data.empty() && std::all_of(data.begin(), data.end(), [](char c) { return Pred(static_cast<unsigned char>(c)); }));
}

Value bytesIsdigit(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesAll<isAsciiDigit>(self, args, "bytes.isdigit");
}
Value bytesIsalpha(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesAll<isAsciiAlpha>(self, args, "bytes.isalpha");
}
Value bytesIsalnum(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesAll<asciiAlnum>(self, args, "bytes.isalnum");
}
Value bytesIsspace(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesAll<isBytesSpace>(self, args, "bytes.isspace");
}

Value bytesIsascii(Interpreter &, const Value &self, CallArgs &args)
{
    fixedArgs(args, "bytes.isascii", 0);
    const std::string &data = bytesOf(self);
    return Value::boolean(std::all_of(data.begin(), data.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}

Value bytesCasePredicate(const Value &self, CallArgs &args, const char *qualified, bool upper)
{
    fixedArgs(args, qualified, 0);
    bool cased = false;
    for (char ch : bytesOf(self)) {
        const auto c = static_cast<unsigned char>(ch);
        if (upper ? isAsciiLower(c) : isAsciiUpper(c))
            return Value::boolean(false);
        cased = cased || (upper ? isAsciiUpper(c) : isAsciiLower(c));
    }
    return Value::boolean(cased);
}

Value bytesIsupper(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesCasePredicate(self, args, "bytes.isupper", true);
}
Value bytesIslower(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesCasePredicate(self, args, "bytes.islower", false);
}

Value bytesPad(const Value &self, CallArgs &args, const char *qualified, const char *name, char how)
{
    expectArgs(args, qualified, name, 1, 2);
    const i64 width = toInt(args[0], "width");
    Sv fill = " ";
    if (args.count > 1) {
        if (!args[1].isKind(ObjKind::Bytes) || bytesOf(args[1]).size() != 1)
            raise(types().TypeError, std::string(name) + "() argument 2 must be a byte string of length 1, not " + clinicTypeName(args[1]));
        fill = bytesOf(args[1]);
    }
    const std::string &data = bytesOf(self);
    if (width <= static_cast<i64>(data.size()))
        return self;
    return newBytes(padText(data, static_cast<i64>(data.size()), width, fill, how));
}

Value bytesCenter(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesPad(self, args, "bytes.center", "center", 'c');
}
Value bytesLjust(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesPad(self, args, "bytes.ljust", "ljust", 'l');
}
Value bytesRjust(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesPad(self, args, "bytes.rjust", "rjust", 'r');
}

Value bytesZfill(Interpreter &, const Value &self, CallArgs &args)
{
    fixedArgs(args, "bytes.zfill", 1);
    const i64 width = toInt(args[0], "width");
    const std::string &data = bytesOf(self);
    if (static_cast<i64>(data.size()) >= width)
        return self;
    return newBytes(zfillText(data, static_cast<i64>(data.size()), width));
}

Value bytesRemoveAffix(const Value &self, CallArgs &args, bool prefix)
{
    fixedArgs(args, prefix ? "bytes.removeprefix" : "bytes.removesuffix", 1);
    const Sv text = bytesOf(self);
    const Sv affix = bytesArg(args[0]);
    if (affix.empty() || !(prefix ? text.starts_with(affix) : text.ends_with(affix)))
        return self;
    return newBytes(std::string(prefix ? text.substr(affix.size()) : text.substr(0, text.size() - affix.size())));
}

Value bytesRemoveprefix(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesRemoveAffix(self, args, true);
}
Value bytesRemovesuffix(Interpreter &, const Value &self, CallArgs &args)
{
    return bytesRemoveAffix(self, args, false);
}

// ---------------------------------------------------------------- entry points

/// A method reached through its type (str.lower(s), key=str.lower) may arrive without a
/// self (the first argument then becomes self) or with a self of another type (when the
/// caller already moved the first argument there): CPython's errors either way.
Value callUnbound(Interpreter &in, const Value &self, ObjKind kind, NativeFn impl, NativeFn entry, CallArgs &args)
{
    const TypeObject *type = kind == ObjKind::Str ? types().str : types().bytes;
    std::string name;
    for (const auto &[n, fn] : type->methods)
        if (fn == entry)
            name = n;
    if (!self.isUndefined())
        raise(types().TypeError, "descriptor '" + name + "' for '" + type->name + "' objects doesn't apply to a '" + typeName(self) + "' object");
    if (args.count == 0)
        raise(types().TypeError, "unbound method " + type->name + "." + name + "() needs an argument");
    if (!args[0].isKind(kind))
        raise(types().TypeError, "descriptor '" + name + "' for '" + type->name + "' objects doesn't apply to a '" + typeName(args[0]) + "' object");
    CallArgs rest = args;
    rest.pos = args.pos + 1;
    rest.count = args.count - 1;
    return impl(in, args[0], rest);
}

template <ObjKind K, NativeFn F> Value entryPoint(Interpreter &in, const Value &self, CallArgs &args)
{
    if (self.isKind(K)) [[likely]]
        return F(in, self, args);
    return callUnbound(in, self, K, F, &entryPoint<K, F>, args);
}

template <NativeFn F> constexpr NativeFn strMethod = &entryPoint<ObjKind::Str, F>;
template <NativeFn F> constexpr NativeFn bytesMethod = &entryPoint<ObjKind::Bytes, F>;

} // namespace

void registerStrMethods(BuiltinTypes &t)
{
    auto &m = t.str->methods;
    m["split"] = strMethod<strSplit>;
    m["rsplit"] = strMethod<strRsplit>;
    m["splitlines"] = strMethod<strSplitlines>;
    m["join"] = strMethod<strJoin>;
    m["strip"] = strMethod<strStrip>;
    m["lstrip"] = strMethod<strLstrip>;
    m["rstrip"] = strMethod<strRstrip>;
    m["upper"] = strMethod<strUpper>;
    m["lower"] = strMethod<strLower>;
    m["title"] = strMethod<strTitle>;
    m["capitalize"] = strMethod<strCapitalize>;
    m["swapcase"] = strMethod<strSwapcase>;
    m["casefold"] = strMethod<strCasefold>;
    m["replace"] = strMethod<strReplace>;
    m["find"] = strMethod<strFind>;
    m["rfind"] = strMethod<strRfind>;
    m["index"] = strMethod<strIndex>;
    m["rindex"] = strMethod<strRindex>;
    m["count"] = strMethod<strCount>;
    m["startswith"] = strMethod<strStartswith>;
    m["endswith"] = strMethod<strEndswith>;
    m["isdigit"] = strMethod<strIsdigit>;
    m["isdecimal"] = strMethod<strIsdecimal>;
    m["isnumeric"] = strMethod<strIsnumeric>;
    m["isalpha"] = strMethod<strIsalpha>;
    m["isalnum"] = strMethod<strIsalnum>;
    m["isspace"] = strMethod<strIsspace>;
    m["isupper"] = strMethod<strIsupper>;
    m["islower"] = strMethod<strIslower>;
    m["istitle"] = strMethod<strIstitle>;
    m["isidentifier"] = strMethod<strIsidentifier>;
    m["isprintable"] = strMethod<strIsprintable>;
    m["isascii"] = strMethod<strIsascii>;
    m["center"] = strMethod<strCenter>;
    m["ljust"] = strMethod<strLjust>;
    m["rjust"] = strMethod<strRjust>;
    m["zfill"] = strMethod<strZfill>;
    m["partition"] = strMethod<strPartition>;
    m["rpartition"] = strMethod<strRpartition>;
    m["encode"] = strMethod<strEncode>;
    m["format"] = strMethod<strFormatMethod>;
    m["expandtabs"] = strMethod<strExpandtabs>;
    m["removeprefix"] = strMethod<strRemoveprefix>;
    m["removesuffix"] = strMethod<strRemovesuffix>;
}

void registerBytesMethods(BuiltinTypes &t)
{
    auto &m = t.bytes->methods;
    m["decode"] = bytesMethod<bytesDecode>;
    m["hex"] = bytesMethod<bytesHex>;
    m["fromhex"] = &bytesFromhex;
    t.bytes->classMethods.push_back("fromhex");
    m["split"] = bytesMethod<bytesSplit>;
    m["rsplit"] = bytesMethod<bytesRsplit>;
    m["splitlines"] = bytesMethod<bytesSplitlines>;
    m["join"] = bytesMethod<bytesJoin>;
    m["strip"] = bytesMethod<bytesStrip>;
    m["lstrip"] = bytesMethod<bytesLstrip>;
    m["rstrip"] = bytesMethod<bytesRstrip>;
    m["startswith"] = bytesMethod<bytesStartswith>;
    m["endswith"] = bytesMethod<bytesEndswith>;
    m["find"] = bytesMethod<bytesFind>;
    m["rfind"] = bytesMethod<bytesRfind>;
    m["index"] = bytesMethod<bytesIndex>;
    m["rindex"] = bytesMethod<bytesRindex>;
    m["count"] = bytesMethod<bytesCount>;
    m["replace"] = bytesMethod<bytesReplace>;
    m["upper"] = bytesMethod<bytesUpper>;
    m["lower"] = bytesMethod<bytesLower>;
    m["title"] = bytesMethod<bytesTitle>;
    m["capitalize"] = bytesMethod<bytesCapitalize>;
    m["swapcase"] = bytesMethod<bytesSwapcase>;
    m["isdigit"] = bytesMethod<bytesIsdigit>;
    m["isalpha"] = bytesMethod<bytesIsalpha>;
    m["isalnum"] = bytesMethod<bytesIsalnum>;
    m["isspace"] = bytesMethod<bytesIsspace>;
    m["isascii"] = bytesMethod<bytesIsascii>;
    m["isupper"] = bytesMethod<bytesIsupper>;
    m["islower"] = bytesMethod<bytesIslower>;
    m["partition"] = bytesMethod<bytesPartition>;
    m["rpartition"] = bytesMethod<bytesRpartition>;
    m["center"] = bytesMethod<bytesCenter>;
    m["ljust"] = bytesMethod<bytesLjust>;
    m["rjust"] = bytesMethod<bytesRjust>;
    m["zfill"] = bytesMethod<bytesZfill>;
    m["removeprefix"] = bytesMethod<bytesRemoveprefix>;
    m["removesuffix"] = bytesMethod<bytesRemovesuffix>;
}

} // namespace ipclab::lang
