#include "textformat.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <vector>

// The formatting below is a transcription of CPython 3.11's
// Python/formatter_unicode.c (spec parsing, calc_number_widths, fill_number),
// Objects/unicodeobject.c (_PyUnicode_InsertThousandsGrouping) and
// Python/pystrtod.c (format_float_short). Gay's dtoa, which CPython uses for
// the digits, is replaced by std::to_chars: both give the shortest round-trip
// digits (mode 0) and correctly rounded, round-half-even digits (modes 2, 3).

namespace ipclab::lang {

namespace {

// ---------------------------------------------------------------- UTF-8

// Lenient decoder: a malformed byte becomes U+FFFD so that a bad spec still
// gets a sensible error instead of undefined behaviour. Surrogates encoded
// as three bytes (which appendUtf8 produces for lone surrogates) decode back.
std::vector<char32_t> decodeUtf8(std::string_view text)
{
    std::vector<char32_t> out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int extra = 0;
        char32_t cp = 0;
        if (lead < 0x80) {
            cp = lead;
        } else if (lead >= 0xC2 && lead < 0xE0) {
            extra = 1;
            cp = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead < 0xF0) {
            extra = 2;
            cp = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead < 0xF5) {
            extra = 3;
            cp = lead & 0x07u;
        } else {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        if (i + static_cast<std::size_t>(extra) >= text.size()) { // truncated sequence
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((byte & 0xC0u) != 0x80u) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (byte & 0x3Fu);
        }
        if (!ok) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

void appendRepeated(std::string &out, char32_t codePoint, std::int64_t count)
{
    if (count <= 0)
        return;
    std::string one;
    appendUtf8(one, codePoint);
    out.reserve(out.size() + one.size() * static_cast<std::size_t>(count));
    for (std::int64_t k = 0; k < count; ++k)
        out += one;
}

// ---------------------------------------------------------------- errors

// CPython prints a type code with %c only when it is printable ASCII,
// otherwise as \x followed by lowercase hex without padding.
std::string codeForMessage(char32_t code)
{
    if (code > 32 && code < 128)
        return std::string(1, static_cast<char>(code));
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(code));
    return buf;
}

std::string unknownCodeMessage(char32_t code, std::string_view typeName)
{
    std::string message = "Unknown format code '" + codeForMessage(code) + "'";
    if (!typeName.empty())
        message += " for object of type '" + std::string(typeName) + "'";
    return message;
}

std::string separatorTypeMessage(char separator, char32_t type)
{
    return std::string("Cannot specify '") + separator + "' with '" + codeForMessage(type) + "'.";
}

// ---------------------------------------------------------------- spec parsing

// Zero code points of the Unicode (14.0, as CPython 3.11) decimal digit runs:
// CPython reads width and precision with Py_UNICODE_TODECIMAL, so
// format(1, '\uFF11\uFF10') (fullwidth "10") is a width of 10. Every run is ten
// consecutive code points.
constexpr std::array<char32_t, 66> kDecimalZeros = {
    0x30,
    0x660,
    0x6F0,
    0x7C0,
    0x966,
    0x9E6,
    0xA66,
    0xAE6,
    0xB66,
    0xBE6,
    0xC66,
    0xCE6,
    0xD66,
    0xDE6,
    0xE50,
    0xED0,
    0xF20,
    0x1040,
    0x1090,
    0x17E0,
    0x1810,
    0x1946,
    0x19D0,
    0x1A80,
    0x1A90,
    0x1B50,
    0x1BB0,
    0x1C40,
    0x1C50,
    0xA620,
    0xA8D0,
    0xA900,
    0xA9D0,
    0xA9F0,
    0xAA50,
    0xABF0,
    0xFF10,
    0x104A0,
    0x10D30,
    0x11066,
    0x110F0,
    0x11136,
    0x111D0,
    0x112F0,
    0x11450,
    0x114D0,
    0x11650,
    0x116C0,
    0x11730,
    0x118E0,
    0x11950,
    0x11C50,
    0x11D50,
    0x11DA0,
    0x16A60,
    0x16AC0,
    0x16B50,
    0x1D7CE,
    0x1D7D8,
    0x1D7E2,
    0x1D7EC,
    0x1D7F6,
    0x1E140,
    0x1E2F0,
    0x1E950,
    0x1FBF0,
};

// get_integer(): returns the number of digits read, or -1 (error set) when
// the value overflows Py_ssize_t, which CPython reports this way.
int readInteger(const std::vector<char32_t> &s, std::size_t &pos, std::int64_t &result, std::string &error)
{
    std::int64_t accumulator = 0;
    int digits = 0;
    for (; pos < s.size(); ++pos, ++digits) {
        const int d = decimalDigitValue(s[pos]);
        if (d < 0)
            break;
        if (accumulator > (INT64_MAX - d) / 10) {
            error = "Too many decimal digits in format string";
            return -1;
        }
        accumulator = accumulator * 10 + d;
    }
    result = accumulator;
    return digits;
}

bool isAlignment(char32_t c)
{
    return c == U'<' || c == U'>' || c == U'=' || c == U'^';
}
bool isSign(char32_t c)
{
    return c == U'+' || c == U'-' || c == U' ';
}

// ---------------------------------------------------------------- float digits

// A decimal digit string as Gay's dtoa returns it: value = 0.DIGITS * 10**decpt,
// no leading zeros, trailing zeros removed (zero itself is "0" with decpt 1).
struct DecimalDigits {
    std::string digits;
    int decpt = 0;
};

// Splits to_chars' scientific output "d[.ddd]e[+-]xx" into digits and decpt.
DecimalDigits fromScientific(const char *begin, const char *end)
{
    DecimalDigits result;
    const char *p = begin;
    for (; p != end && *p != 'e'; ++p)
        if (*p != '.')
            result.digits += *p;
    int exponent = 0;
    if (p != end)
        std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end, exponent);
    while (result.digits.size() > 1 && result.digits.back() == '0')
        result.digits.pop_back();
    result.decpt = exponent + 1;
    return result;
}

// dtoa mode 0: the shortest digits that read back as the same double.
DecimalDigits shortestDigits(double magnitude)
{
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, magnitude, std::chars_format::scientific);
    return fromScientific(buf, res.ptr);
}

// A double's exact decimal expansion has at most 767 significant digits and
// 1074 fractional digits; asking to_chars for more would only add zeros that
// the trailing-zero strip removes again, so requests are capped there.
constexpr int kMaxSignificant = 800;
constexpr int kMaxFractional = 1100;

// dtoa mode 2: `count` (>= 1) significant digits, correctly rounded.
DecimalDigits significantDigits(double magnitude, int count)
{
    if (magnitude == 0.0)
        return { "0", 1 };
    const int precision = std::min(count, kMaxSignificant) - 1;
    std::string buf(static_cast<std::size_t>(precision) + 32, '\0');
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude, std::chars_format::scientific, precision);
    return fromScientific(buf.data(), res.ptr);
}

// dtoa mode 3: rounded to `count` (>= 0) digits after the decimal point.
DecimalDigits fixedDigits(double magnitude, int count)
{
    if (magnitude == 0.0)
        return { "0", 1 };
    const int precision = std::min(count, kMaxFractional);
    std::string buf(static_cast<std::size_t>(precision) + 340, '\0');
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude, std::chars_format::fixed, precision);
    DecimalDigits result;
    int integerDigits = 0;
    bool seenPoint = false;
    for (const char *p = buf.data(); p != res.ptr; ++p) {
        if (*p == '.') {
            seenPoint = true;
            continue;
        }
        result.digits += *p;
        if (!seenPoint)
            ++integerDigits;
    }
    std::size_t leading = 0;
    while (leading < result.digits.size() && result.digits[leading] == '0')
        ++leading;
    result.digits.erase(0, leading);
    result.decpt = integerDigits - static_cast<int>(leading);
    while (!result.digits.empty() && result.digits.back() == '0')
        result.digits.pop_back();
    // dtoa's "no digits" result for a value that rounds to zero.
    if (result.digits.empty())
        result.decpt = -count;
    return result;
}

// format_float_short() from Python/pystrtod.c. `code` is 'e', 'f', 'g' or 'r'
// (lowercase; `upper` selects E/INF/NAN), `precision` as PyOS_double_to_string
// receives it.
std::string formatFloatShort(double value, char code, int precision, bool addDot0IfInteger, bool alternate, bool noNegativeZero, bool upper)
{
    if (std::isnan(value))
        return upper ? "NAN" : "nan"; // the sign of a nan is ignored
    bool negative = std::signbit(value);
    if (std::isinf(value))
        return std::string(negative ? "-" : "") + (upper ? "INF" : "inf");

    const double magnitude = std::fabs(value);
    DecimalDigits dd;
    switch (code) {
    case 'e':
        ++precision; // PyOS_double_to_string: mode 2 with one digit before the point
        dd = significantDigits(magnitude, precision);
        break;
    case 'f':
        dd = fixedDigits(magnitude, precision);
        break;
    case 'g':
        if (precision == 0)
            precision = 1;
        dd = significantDigits(magnitude, precision);
        break;
    default:
        dd = shortestDigits(magnitude);
        break;
    }

    const std::string &digits = dd.digits;
    const std::int64_t digitsLen = static_cast<std::int64_t>(digits.size());
    if (noNegativeZero && negative && (digits.empty() || digits == "0"))
        negative = false;

    std::int64_t decpt = dd.decpt;
    std::int64_t vdigitsEnd = digitsLen;
    bool useExp = false;
    int exponent = 0;
    switch (code) {
    case 'e':
        useExp = true;
        vdigitsEnd = precision;
        break;
    case 'f':
        vdigitsEnd = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (addDot0IfInteger ? precision - 1 : precision))
            useExp = true;
        if (alternate)
            vdigitsEnd = precision;
        break;
    default:
        // repr switches to exponent form at 1e16.
        if (decpt <= -4 || decpt > 16)
            useExp = true;
        break;
    }
    if (useExp) {
        exponent = static_cast<int>(decpt - 1);
        decpt = 1;
    }
    // The virtual digit string (digits padded with zeros both sides) is cut
    // to [vdigitsStart, vdigitsEnd), keeping the decimal point inside.
    const std::int64_t vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
    if (!useExp && addDot0IfInteger)
        vdigitsEnd = std::max(vdigitsEnd, decpt + 1);
    else
        vdigitsEnd = std::max(vdigitsEnd, decpt);

    std::string out;
    out.reserve(static_cast<std::size_t>(vdigitsEnd - vdigitsStart) + 10);
    if (negative)
        out += '-';
    if (decpt <= 0) {
        out.append(static_cast<std::size_t>(decpt - vdigitsStart), '0');
        out += '.';
        out.append(static_cast<std::size_t>(-decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(-vdigitsStart), '0');
    }
    if (0 < decpt && decpt <= digitsLen) {
        out.append(digits, 0, static_cast<std::size_t>(decpt));
        out += '.';
        out.append(digits, static_cast<std::size_t>(decpt), std::string::npos);
    } else {
        out += digits;
    }
    if (digitsLen < decpt) {
        out.append(static_cast<std::size_t>(decpt - digitsLen), '0');
        out += '.';
        out.append(static_cast<std::size_t>(vdigitsEnd - decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(vdigitsEnd - digitsLen), '0');
    }
    if (out.back() == '.' && !alternate)
        out.pop_back();
    if (useExp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', exponent);
        out += buf;
    }
    return out;
}

// ---------------------------------------------------------------- number layout

// The pieces calc_number_widths() lays out:
// <lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding>
struct NumberParts {
    bool negative = false;
    std::string prefix; // "0x" etc., ASCII
    std::string digits; // the integer digits that get grouped, ASCII
    bool hasDecimal = false;
    std::string remainder; // fraction, exponent, '%', or the 'c' character (UTF-8)
    std::int64_t remainderLength = 0; // in code points
    char separator = 0;
    int groupSize = 0; // 0: no grouping
};

// _PyUnicode_InsertThousandsGrouping(): groups from the right and, when
// minWidth asks for it ('0' fill with '=' alignment), pads with zeros that
// are grouped too: format(1234, '010,') == '00,001,234'.
std::string groupDigits(const std::string &digits, std::int64_t minWidth, int groupSize, char separator)
{
    minWidth = std::max<std::int64_t>(0, minWidth);
    std::string reversed; // built right to left, then flipped
    std::int64_t remaining = static_cast<std::int64_t>(digits.size());
    std::size_t digitsPos = digits.size();
    bool useSeparator = false;
    auto emit = [&](std::int64_t length) {
        const std::int64_t zeros = std::max<std::int64_t>(0, length - remaining);
        const std::int64_t chars = std::max<std::int64_t>(0, std::min(remaining, length));
        if (useSeparator)
            reversed += separator;
        for (std::int64_t k = 0; k < chars; ++k)
            reversed += digits[--digitsPos];
        reversed.append(static_cast<std::size_t>(zeros), '0');
        remaining -= chars;
    };
    bool loopBroken = false;
    if (groupSize > 0) {
        for (;;) {
            const std::int64_t length = std::min<std::int64_t>(groupSize, std::max({ remaining, minWidth, std::int64_t { 1 } }));
            emit(length);
            useSeparator = true;
            minWidth -= length;
            if (remaining <= 0 && minWidth <= 0) {
                loopBroken = true;
                break;
            }
            minWidth -= 1; // the separator's width
        }
    }
    if (!loopBroken)
        emit(std::max({ remaining, minWidth, std::int64_t { 1 } }));
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

// The spec's fill and alignment after the '0' flag: for numbers the flag
// means '0' fill with '=' alignment unless an alignment was given.
char32_t effectiveFill(const FormatSpec &spec)
{
    return spec.zeroPad ? U'0' : spec.fill;
}

char numberAlign(const FormatSpec &spec)
{
    if (spec.align)
        return spec.align;
    return spec.zeroPad ? '=' : '>';
}

// calc_number_widths() + fill_number().
std::string layoutNumber(const NumberParts &parts, const FormatSpec &spec)
{
    char sign = 0;
    if (spec.sign == '+')
        sign = parts.negative ? '-' : '+';
    else if (spec.sign == ' ')
        sign = parts.negative ? '-' : ' ';
    else if (parts.negative)
        sign = '-';

    const char32_t fill = effectiveFill(spec);
    const char align = numberAlign(spec);
    const std::int64_t width = spec.width;
    const std::int64_t nonDigits = (sign ? 1 : 0) + static_cast<std::int64_t>(parts.prefix.size()) + (parts.hasDecimal ? 1 : 0) + parts.remainderLength;
    const std::int64_t minWidth = (fill == U'0' && align == '=') ? width - nonDigits : 0;
    // Only 'c' and inf/nan have no digits; grouping would invent a "0".
    const std::string grouped = parts.digits.empty() ? std::string() : groupDigits(parts.digits, minWidth, parts.groupSize, parts.separator);

    const std::int64_t padding = width - (nonDigits + static_cast<std::int64_t>(grouped.size()));
    std::int64_t left = 0, middle = 0, right = 0;
    if (padding > 0) {
        switch (align) {
        case '<':
            right = padding;
            break;
        case '^':
            left = padding / 2;
            right = padding - left;
            break;
        case '=':
            middle = padding;
            break;
        default:
            left = padding;
            break;
        }
    }

    std::string out;
    appendRepeated(out, fill, left);
    if (sign)
        out += sign;
    out += parts.prefix;
    appendRepeated(out, fill, middle);
    out += grouped;
    if (parts.hasDecimal)
        out += '.';
    out += parts.remainder;
    appendRepeated(out, fill, right);
    return out;
}

std::string toBase(std::uint64_t magnitude, int base, bool upper)
{
    const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    do {
        out += alphabet[magnitude % static_cast<unsigned>(base)];
        magnitude /= static_cast<unsigned>(base);
    } while (magnitude != 0);
    std::reverse(out.begin(), out.end());
    return out;
}

// A precision above INT_MAX is stored as INT_MAX (see parseFormatSpec), which
// float formatting rejects as CPython does.
constexpr int kPrecisionTooBig = INT_MAX;

} // namespace

// ---------------------------------------------------------------- public API

std::size_t utf8Length(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u)
            ++count;
    return count;
}

void appendUtf8(std::string &out, char32_t codePoint)
{
    // Lone surrogates (chr(0xD800) is a valid Python str) are kept in the
    // generalised three-byte form; beyond U+10FFFF nothing is valid.
    if (codePoint > 0x10FFFF)
        codePoint = U'\uFFFD';
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

std::string floatRepr(double value)
{
    return formatFloatShort(value, 'r', 0, true, false, false, false);
}

std::optional<FormatSpec> parseFormatSpec(std::string_view spec, std::string &error)
{
    return parseFormatSpec(spec, error, {});
}

// parse_internal_render_format_spec(), step for step (errors in its order).
std::optional<FormatSpec> parseFormatSpec(std::string_view specText, std::string &error, std::string_view typeName)
{
    const std::vector<char32_t> s = decodeUtf8(specText);
    const std::size_t end = s.size();
    std::size_t pos = 0;
    FormatSpec spec;
    bool fillSpecified = false;

    if (end - pos >= 2 && isAlignment(s[pos + 1])) {
        spec.align = static_cast<char>(s[pos + 1]);
        spec.fill = s[pos];
        fillSpecified = true;
        pos += 2;
    } else if (end - pos >= 1 && isAlignment(s[pos])) {
        spec.align = static_cast<char>(s[pos]);
        ++pos;
    }
    if (pos < end && isSign(s[pos])) {
        spec.sign = static_cast<char>(s[pos]);
        ++pos;
    }
    if (pos < end && s[pos] == U'z') {
        spec.noNegativeZero = true;
        ++pos;
    }
    if (pos < end && s[pos] == U'#') {
        spec.alternate = true;
        ++pos;
    }
    // With an explicit fill the '0' is not a flag but the start of the width.
    if (!fillSpecified && pos < end && s[pos] == U'0') {
        spec.zeroPad = true;
        spec.fill = U'0';
        ++pos;
    }

    std::int64_t number = 0;
    int consumed = readInteger(s, pos, number, error);
    if (consumed < 0)
        return std::nullopt;
    if (consumed > 0) {
        // CPython would accept up to PY_SSIZE_T_MAX and then run out of memory.
        if (number > INT_MAX) {
            error = "Too many decimal digits in format string";
            return std::nullopt;
        }
        spec.width = static_cast<int>(number);
    }

    if (pos < end && s[pos] == U',') {
        spec.grouping = ',';
        ++pos;
    }
    if (pos < end && s[pos] == U'_') {
        if (spec.grouping) {
            error = "Cannot specify both ',' and '_'.";
            return std::nullopt;
        }
        spec.grouping = '_';
        ++pos;
    }
    if (pos < end && s[pos] == U',' && spec.grouping == '_') {
        error = "Cannot specify both ',' and '_'.";
        return std::nullopt;
    }

    if (pos < end && s[pos] == U'.') {
        ++pos;
        consumed = readInteger(s, pos, number, error);
        if (consumed < 0)
            return std::nullopt;
        if (consumed == 0) {
            error = "Format specifier missing precision";
            return std::nullopt;
        }
        spec.precision = static_cast<int>(std::min<std::int64_t>(number, kPrecisionTooBig));
    }

    if (end - pos > 1) {
        error = "Invalid format specifier";
        if (!typeName.empty())
            error += " '" + std::string(specText) + "' for object of type '" + std::string(typeName) + "'";
        return std::nullopt;
    }
    char32_t type = 0;
    if (end - pos == 1)
        type = s[pos];

    if (spec.grouping) {
        switch (type) {
        case U'd':
        case U'e':
        case U'f':
        case U'g':
        case U'E':
        case U'G':
        case U'%':
        case U'F':
        case 0:
            break;
        case U'b':
        case U'o':
        case U'x':
        case U'X':
            // '_' groups bin/oct/hex by four (PEP 515); ',' is not allowed.
            if (spec.grouping == '_')
                break;
            [[fallthrough]];
        default:
            error = separatorTypeMessage(spec.grouping, type);
            return std::nullopt;
        }
    }
    // No formatter accepts a non-ASCII type, so report it here where the
    // code point is still known.
    if (type >= 0x80) {
        error = unknownCodeMessage(type, typeName);
        return std::nullopt;
    }
    spec.type = static_cast<char>(type);
    return spec;
}

std::optional<std::string> formatInt(std::int64_t value, const FormatSpec &spec, std::string &error)
{
    const char type = spec.type ? spec.type : 'd';
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
        // int.__format__ converts to float for the float presentation types.
        return formatFloat(static_cast<double>(value), spec, error);
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
        break;
    default:
        error = unknownCodeMessage(static_cast<unsigned char>(type), "int");
        return std::nullopt;
    }
    if (spec.precision != -1) {
        error = "Precision not allowed in integer format specifier";
        return std::nullopt;
    }
    if (spec.noNegativeZero) {
        error = "Negative zero coercion (z) not allowed in integer format specifier";
        return std::nullopt;
    }

    NumberParts parts;
    if (type == 'c') {
        if (spec.sign) {
            error = "Sign not allowed with integer format specifier 'c'";
            return std::nullopt;
        }
        if (spec.alternate) {
            error = "Alternate form (#) not allowed with integer format specifier 'c'";
            return std::nullopt;
        }
        if (value < 0 || value > 0x10FFFF) {
            error = "%c arg not in range(0x110000)"; // an OverflowError in CPython
            return std::nullopt;
        }
        // The character is laid out as "remainder" so it is never grouped.
        appendUtf8(parts.remainder, static_cast<char32_t>(value));
        parts.remainderLength = 1;
        return layoutNumber(parts, spec);
    }

    int base = 10;
    const char *prefix = "";
    switch (type) {
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    default:
        break;
    }
    parts.negative = value < 0;
    const std::uint64_t magnitude = parts.negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    parts.digits = toBase(magnitude, base, type == 'X');
    if (spec.alternate)
        parts.prefix = prefix;
    // 'n' uses the current locale, which is "C" in CPython's interpreter: no grouping.
    if (type != 'n' && spec.grouping) {
        parts.separator = spec.grouping;
        parts.groupSize = (spec.grouping == '_' && base != 10) ? 4 : 3;
    }
    return layoutNumber(parts, spec);
}

// format_float_internal().
std::optional<std::string> formatFloat(double value, const FormatSpec &spec, std::string &error)
{
    switch (spec.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        break;
    default:
        error = unknownCodeMessage(static_cast<unsigned char>(spec.type), "float");
        return std::nullopt;
    }
    if (spec.precision >= kPrecisionTooBig) {
        error = "precision too big";
        return std::nullopt;
    }

    char code = spec.type;
    int defaultPrecision = 6;
    bool addDot0 = false;
    bool addPercent = false;
    if (code == 0) {
        // No type: repr without a precision, else 'g' keeping at least one
        // digit after the point.
        addDot0 = true;
        code = 'r';
        defaultPrecision = 0;
    }
    if (code == 'n')
        code = 'g';
    if (code == '%') {
        code = 'f';
        value *= 100;
        addPercent = true;
    }
    int precision = spec.precision;
    if (precision < 0)
        precision = defaultPrecision;
    else if (code == 'r')
        code = 'g';
    const bool upper = code == 'E' || code == 'F' || code == 'G';
    if (upper)
        code = static_cast<char>(code - 'A' + 'a');

    std::string text = formatFloatShort(value, code, precision, addDot0, spec.alternate, spec.noNegativeZero, upper);
    if (addPercent)
        text += '%';

    // parse_number(): sign, integer digits, optional '.', remainder.
    NumberParts parts;
    std::size_t i = 0;
    if (text[0] == '-') {
        parts.negative = true;
        i = 1;
    }
    const std::size_t digitsStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    parts.digits = text.substr(digitsStart, i - digitsStart);
    if (i < text.size() && text[i] == '.') {
        parts.hasDecimal = true;
        ++i;
    }
    parts.remainder = text.substr(i);
    parts.remainderLength = static_cast<std::int64_t>(parts.remainder.size());
    if (spec.type != 'n' && spec.grouping) {
        parts.separator = spec.grouping;
        parts.groupSize = 3;
    }
    return layoutNumber(parts, spec);
}

// format_string_internal().
std::optional<std::string> formatStr(std::string_view text, const FormatSpec &spec, std::string &error)
{
    if (spec.type != 0 && spec.type != 's') {
        error = unknownCodeMessage(static_cast<unsigned char>(spec.type), "str");
        return std::nullopt;
    }
    // CPython checks the separator against the default type 's' while parsing.
    if (spec.grouping) {
        error = separatorTypeMessage(spec.grouping, U's');
        return std::nullopt;
    }
    if (spec.sign) {
        error = spec.sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier";
        return std::nullopt;
    }
    if (spec.noNegativeZero) {
        error = "Negative zero coercion (z) not allowed in string format specifier";
        return std::nullopt;
    }
    if (spec.alternate) {
        error = "Alternate form (#) not allowed in string format specifier";
        return std::nullopt;
    }
    if (spec.align == '=') {
        error = "'=' alignment not allowed in string format specifier";
        return std::nullopt;
    }

    std::string_view shown = text;
    if (spec.precision >= 0) {
        // Cut after `precision` code points.
        std::size_t count = 0, bytes = 0;
        for (; bytes < text.size(); ++bytes) {
            if ((static_cast<unsigned char>(text[bytes]) & 0xC0u) != 0x80u) {
                if (count == static_cast<std::size_t>(spec.precision))
                    break;
                ++count;
            }
        }
        shown = text.substr(0, bytes);
    }
    return padToWidth(shown, spec, '<');
}

// calc_padding(); '=' (which only reaches here from callers building a spec
// by hand) pads on the left, as there is no sign to put the padding after.
std::string padToWidth(std::string_view text, const FormatSpec &spec, char defaultAlign)
{
    const std::int64_t length = static_cast<std::int64_t>(utf8Length(text));
    const std::int64_t padding = static_cast<std::int64_t>(spec.width) - length;
    if (padding <= 0)
        return std::string(text);
    const char align = spec.align ? spec.align : defaultAlign;
    std::int64_t left = 0;
    if (align == '>' || align == '=')
        left = padding;
    else if (align == '^')
        left = padding / 2;
    const char32_t fill = effectiveFill(spec);
    std::string out;
    appendRepeated(out, fill, left);
    out += text;
    appendRepeated(out, fill, padding - left);
    return out;
}

int decimalDigitValue(char32_t c)
{
    auto it = std::upper_bound(kDecimalZeros.begin(), kDecimalZeros.end(), c);
    if (it == kDecimalZeros.begin())
        return -1;
    const char32_t zero = *(it - 1);
    return c - zero < 10 ? static_cast<int>(c - zero) : -1;
}

} // namespace ipclab::lang
