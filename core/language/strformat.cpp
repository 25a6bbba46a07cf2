#include "strformat.h"

#include "operations.h"
#include "textformat.h"

#include <cmath>

namespace ipclab::lang {

namespace {

[[noreturn]] void valueError(const std::string &m)
{
    raise(types().ValueError, m);
}

std::string applyIntSpec(std::int64_t v, const FormatSpec &spec)
{
    std::string error;
    auto out = formatInt(v, spec, error);
    if (!out)
        valueError(error);
    return *out;
}

std::string applyFloatSpec(double v, const FormatSpec &spec)
{
    std::string error;
    auto out = formatFloat(v, spec, error);
    if (!out)
        valueError(error);
    return *out;
}

} // namespace

std::string formatWithSpec(const Value &value, std::string_view specText)
{
    if (specText.empty())
        return str(value);
    std::string error;
    auto spec = parseFormatSpec(specText, error, typeName(value));
    if (!spec)
        valueError(error);
    if (value.isIntLike()) {
        if (spec->type == 'e' || spec->type == 'E' || spec->type == 'f' || spec->type == 'F' || spec->type == 'g' || spec->type == 'G' || spec->type == '%')
            return applyFloatSpec(static_cast<double>(value.asInt()), *spec);
        return applyIntSpec(value.asInt(), *spec);
    }
    if (value.isFloat())
        return applyFloatSpec(value.asFloat(), *spec);
    if (value.isKind(ObjKind::Str)) {
        auto out = formatStr(value.as<StrObject>()->text, *spec, error);
        if (!out)
            valueError(error);
        return *out;
    }
    if (spec->type != 0 && spec->type != 's')
        raise(types().TypeError, "unsupported format string passed to " + typeName(value) + ".__format__");
    auto out = formatStr(str(value), *spec, error);
    if (!out)
        valueError(error);
    return *out;
}

std::string percentFormat(std::string_view fmt, const Value &args)
{
    std::vector<Value> items;
    const bool isMapping = args.isKind(ObjKind::Dict);
    if (args.isKind(ObjKind::Tuple))
        items = args.as<TupleObject>()->items;
    else
        items.push_back(args);
    std::size_t next = 0;
    bool usedMapping = false;
    auto take = [&]() -> Value {
        if (next >= items.size())
            raise(types().TypeError, "not enough arguments for format string");
        return items[next++];
    };
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out += fmt[i];
            continue;
        }
        if (++i >= fmt.size())
            valueError("incomplete format");
        Value arg;
        bool haveArg = false;
        if (fmt[i] == '(') {
            if (!isMapping)
                raise(types().TypeError, "format requires a mapping");
            const std::size_t close = fmt.find(')', i);
            if (close == std::string_view::npos)
                valueError("incomplete format key");
            arg = getItem(args, newStr(std::string(fmt.substr(i + 1, close - i - 1))));
            haveArg = true;
            usedMapping = true;
            i = close + 1;
        }
        FormatSpec spec;
        for (; i < fmt.size(); ++i) {
            const char c = fmt[i];
            if (c == '-')
                spec.align = '<';
            else if (c == '+')
                spec.sign = '+';
            else if (c == ' ') {
                if (spec.sign != '+')
                    spec.sign = ' ';
            } else if (c == '#')
                spec.alternate = true;
            else if (c == '0')
                spec.zeroPad = true;
            else
                break;
        }
        auto number = [&](int &target) {
            if (i < fmt.size() && fmt[i] == '*') {
                target = static_cast<int>(toInt(take(), "*"));
                ++i;
                return;
            }
            int n = -1;
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
                n = (n < 0 ? 0 : n * 10) + (fmt[i++] - '0');
            if (n >= 0)
                target = n;
        };
        number(spec.width);
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            spec.precision = 0;
            number(spec.precision);
        }
        if (i >= fmt.size())
            valueError("incomplete format");
        const char conv = fmt[i];
        if (conv == '%') {
            out += '%';
            continue;
        }
        if (!haveArg)
            arg = take();
        if (spec.align == '<')
            spec.zeroPad = false;
        if (spec.zeroPad && spec.align == 0) {
            spec.align = '=';
            spec.fill = U'0';
        }
        spec.zeroPad = false;
        switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            std::string text = conv == 's' ? str(arg) : repr(arg);
            if (spec.precision >= 0) {
                auto u = toUtf32(text);
                if (u.size() > static_cast<std::size_t>(spec.precision))
                    text = fromUtf32(u.substr(0, static_cast<std::size_t>(spec.precision)));
            }
            spec.sign = 0;
            if (spec.align == '=')
                spec.align = '>', spec.fill = U' ';
            out += padToWidth(text, spec, '>');
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            std::int64_t n;
            if (arg.isIntLike())
                n = arg.asInt();
            else if (arg.isFloat())
                n = static_cast<std::int64_t>(arg.asFloat());
            else if (conv == 'd' || conv == 'i' || conv == 'u')
                raise(types().TypeError, std::string("%") + conv + " format: a real number is required, not " + typeName(arg));
            else
                raise(types().TypeError, std::string("%") + conv + " format: an integer is required, not " + typeName(arg));
            spec.type = (conv == 'i' || conv == 'u') ? 'd' : conv;
            const int precision = spec.precision;
            spec.precision = -1;
            if (precision > 0) {
                FormatSpec digits;
                digits.type = spec.type;
                digits.alternate = spec.alternate;
                std::string body = applyIntSpec(n < 0 ? -n : n, digits);
                std::string prefix;
                if (spec.alternate && body.size() > 2 && body[0] == '0')
                    prefix = body.substr(0, 2), body = body.substr(2);
                while (static_cast<int>(body.size()) < precision)
                    body.insert(body.begin(), '0');
                std::string sign = n < 0 ? "-" : (spec.sign == '+' ? "+" : (spec.sign == ' ' ? " " : ""));
                FormatSpec pad = spec;
                out += padToWidth(sign + prefix + body, pad, '>');
            } else {
                out += applyIntSpec(n, spec);
            }
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            if (!arg.isIntLike() && !arg.isFloat())
                raise(types().TypeError, "must be real number, not " + typeName(arg));
            spec.type = conv;
            if (spec.precision < 0)
                spec.precision = 6;
            out += applyFloatSpec(arg.isFloat() ? arg.asFloat() : static_cast<double>(arg.asInt()), spec);
            break;
        }
        case 'c': {
            std::string ch;
            if (arg.isIntLike())
                appendUtf8(ch, static_cast<char32_t>(arg.asInt()));
            else if (arg.isKind(ObjKind::Str) && arg.as<StrObject>()->length == 1)
                ch = arg.as<StrObject>()->text;
            else
                raise(types().TypeError, "%c requires int or char");
            out += padToWidth(ch, spec, '>');
            break;
        }
        default: {
            char buf[128];
            std::snprintf(
                buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", conv, static_cast<unsigned>(static_cast<unsigned char>(conv)), i);
            valueError(buf);
        }
        }
    }
    if (!isMapping && !usedMapping && next < items.size())
        raise(types().TypeError, "not all arguments converted during string formatting");
    return out;
}

std::string strFormat(std::string_view fmt, CallArgs &args)
{
    std::string out;
    std::size_t autoIndex = 0;
    bool usedAuto = false, usedManual = false;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        const char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            valueError("Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        // Find the matching '}' allowing one level of nested fields in the spec.
        std::size_t depth = 1, j = i + 1;
        for (; j < fmt.size() && depth > 0; ++j) {
            if (fmt[j] == '{')
                ++depth;
            else if (fmt[j] == '}')
                --depth;
        }
        if (depth != 0)
            valueError("expected '}' before end of string");
        std::string_view field = fmt.substr(i + 1, j - i - 2);
        i = j - 1;
        std::string_view spec;
        char conversion = 0;
        std::size_t colon = std::string_view::npos, bang = std::string_view::npos;
        for (std::size_t k = 0; k < field.size(); ++k) {
            if (field[k] == '[') {
                while (k < field.size() && field[k] != ']')
                    ++k;
                continue;
            }
            if (field[k] == '!' && bang == std::string_view::npos && colon == std::string_view::npos)
                bang = k;
            if (field[k] == ':') {
                colon = k;
                break;
            }
        }
        std::string_view name = field.substr(0, std::min(bang, colon));
        if (bang != std::string_view::npos) {
            const std::size_t end = colon == std::string_view::npos ? field.size() : colon;
            if (end - bang != 2)
                valueError("expected ':' after conversion specifier");
            conversion = field[bang + 1];
            if (conversion != 'r' && conversion != 's' && conversion != 'a')
                valueError(std::string("Unknown conversion specifier ") + conversion);
        }
        if (colon != std::string_view::npos)
            spec = field.substr(colon + 1);
        // The argument: index, keyword, then .attr / [key] parts.
        std::size_t nameEnd = 0;
        while (nameEnd < name.size() && name[nameEnd] != '.' && name[nameEnd] != '[')
            ++nameEnd;
        std::string_view head = name.substr(0, nameEnd);
        Value value;
        if (head.empty()) {
            if (usedManual)
                valueError("cannot switch from manual field specification to automatic field numbering");
            usedAuto = true;
            if (autoIndex >= args.count)
                raise(types().IndexError, "Replacement index " + std::to_string(autoIndex) + " out of range for positional args tuple");
            value = args[autoIndex++];
        } else if (head.find_first_not_of("0123456789") == std::string_view::npos) {
            if (usedAuto)
                valueError("cannot switch from automatic field numbering to manual field specification");
            usedManual = true;
            const std::size_t idx = std::stoul(std::string(head));
            if (idx >= args.count)
                raise(types().IndexError, "Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
            value = args[idx];
        } else {
            bool found = false;
            if (args.keywords)
                for (const auto &[k, v] : *args.keywords)
                    if (k == head) {
                        value = v;
                        found = true;
                    }
            if (!found)
                throw PyException { make<ExceptionObject>(types().KeyError, std::vector<Value> { newStr(std::string(head)) }) };
        }
        for (std::size_t k = nameEnd; k < name.size();) {
            if (name[k] == '[') {
                const std::size_t close = name.find(']', k);
                std::string key(name.substr(k + 1, close - k - 1));
                Value keyValue = key.find_first_not_of("0123456789") == std::string::npos && !key.empty() ? Value::integer(std::stoll(key)) : newStr(key);
                value = getItem(value, keyValue);
                k = close + 1;
            } else {
                raise(types().AttributeError, "attribute access in format fields is not supported by IPC Lab");
            }
        }
        if (conversion == 'r' || conversion == 'a')
            value = newStr(repr(value));
        else if (conversion == 's')
            value = newStr(str(value));
        // Nested replacement fields inside the spec.
        std::string resolvedSpec;
        if (spec.find('{') != std::string_view::npos) {
            resolvedSpec = strFormat(spec, args);
            spec = resolvedSpec;
        }
        out += formatWithSpec(value, spec);
    }
    return out;
}

} // namespace ipclab::lang
