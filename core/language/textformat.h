#pragma once
// Python-exact text formatting of numbers and strings: float repr, the
// format-spec mini-language (str.format, f-strings, format()) and the
// conversions of printf-style `%` formatting. Pure functions on plain C++
// types, so they are tested without the interpreter.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ipclab::lang {

/// repr(float) / str(float) exactly as CPython 3.11 prints it:
/// shortest round-trip digits, "1e+16" style past 1e16 and below 1e-4,
/// "inf", "-inf", "nan", always a ".0" on integral values ("3.0").
std::string floatRepr(double value);

/// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
struct FormatSpec {
    char32_t fill = U' ';
    char align = 0; // '<', '>', '^', '=' or 0 when not given
    char sign = 0; // '+', '-', ' ' or 0
    bool alternate = false; // '#'
    bool zeroPad = false; // '0' before width
    int width = -1; // -1 when not given
    char grouping = 0; // ',' or '_' or 0
    int precision = -1; // -1 when not given
    char type = 0; // 'd','b','o','x','X','c','e','E','f','F','g','G','%','s','n' or 0
    bool noNegativeZero = false; // 'z' (new in 3.11): a float that rounds to -0 prints without '-'
};

/// Parses a spec; on failure returns nullopt and sets `error` to CPython's
/// ValueError message (e.g. "Invalid format specifier").
std::optional<FormatSpec> parseFormatSpec(std::string_view spec, std::string &error);

/// The same, for an object of type `typeName` ("int", "float", "str"): CPython 3.11
/// names the type (and the spec) in two parse errors, "Invalid format specifier
/// '10.2fx' for object of type 'float'" and, for a non-ASCII type code that
/// FormatSpec::type cannot hold, "Unknown format code '\xe9' for object of type 'int'".
/// The two-argument form leaves the " ... for object of type" tail out.
std::optional<FormatSpec> parseFormatSpec(std::string_view spec, std::string &error, std::string_view typeName);

/// format(int, spec). On a type the int can't take ('s'), returns nullopt and sets
/// `error` to CPython's message: "Unknown format code 's' for object of type 'int'".
std::optional<std::string> formatInt(std::int64_t value, const FormatSpec &spec, std::string &error);

/// format(float, spec); the same error convention ("... of type 'float'").
std::optional<std::string> formatFloat(double value, const FormatSpec &spec, std::string &error);

/// format(str, spec): `text` is UTF-8; width and precision count code points.
std::optional<std::string> formatStr(std::string_view text, const FormatSpec &spec, std::string &error);

/// Pads `text` (UTF-8, code points counted) to spec.width with spec.fill/align;
/// `defaultAlign` is '<' for strings and '>' for numbers.
std::string padToWidth(std::string_view text, const FormatSpec &spec, char defaultAlign);

/// The value of a Unicode decimal digit (Nd: '7', '\u0667', fullwidth '７'...), or -1.
int decimalDigitValue(char32_t c);

/// Number of code points in a UTF-8 string.
std::size_t utf8Length(std::string_view text);

/// Appends the UTF-8 encoding of one code point.
void appendUtf8(std::string &out, char32_t codePoint);

} // namespace ipclab::lang
