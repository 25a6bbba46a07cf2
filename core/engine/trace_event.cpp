#include "trace_event.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>

namespace ipclab::engine {

namespace {

// A cursor over one line of JSON that knows just enough to skip any value.
struct Scanner {
    const char *p;
    const char *end;

    void space()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            ++p;
    }
    bool eat(char c)
    {
        space();
        if (p < end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
    // A string's raw contents (escapes left in place).
    bool string(QByteArrayView &out)
    {
        space();
        if (p >= end || *p != '"')
            return false;
        const char *start = ++p;
        while (p < end && *p != '"')
            p += *p == '\\' ? 2 : 1;
        if (p >= end)
            return false;
        out = QByteArrayView(start, p - start);
        ++p;
        return true;
    }
    bool skipValue()
    {
        space();
        if (p >= end)
            return false;
        if (*p == '"') {
            QByteArrayView ignored;
            return string(ignored);
        }
        if (*p == '{' || *p == '[') {
            int depth = 0;
            while (p < end) {
                if (*p == '"') {
                    QByteArrayView ignored;
                    if (!string(ignored))
                        return false;
                    continue;
                }
                if (*p == '{' || *p == '[')
                    ++depth;
                else if (*p == '}' || *p == ']') {
                    if (--depth == 0) {
                        ++p;
                        return true;
                    }
                }
                ++p;
            }
            return false;
        }
        while (p < end && *p != ',' && *p != '}' && *p != ']')
            ++p;
        return true;
    }
    bool integer(qint64 &out)
    {
        space();
        const auto r = std::from_chars(p, end, out);
        if (r.ec != std::errc())
            return false;
        p = r.ptr;
        if (p < end && (*p == '.' || *p == 'e' || *p == 'E')) { // a number written as a float
            while (p < end && *p != ',' && *p != '}')
                ++p;
        }
        return true;
    }
};

// The four phases of docs/trace-format.md; anything else is not an event (a stray byte
// would not even survive serializeTraceEvent, which writes the phase as a character).
bool knownPhase(char ph)
{
    return ph == 'B' || ph == 'E' || ph == 'F' || ph == 'I';
}

QString internOp(QByteArrayView name)
{
    // A handful of distinct operations: share one QString each instead of allocating per event.
    // Bounded: a trace of made-up names (a damaged file, the fuzzer) would otherwise grow
    // this thread's cache for the life of the process; the real ones are a few dozen.
    constexpr qsizetype kMaxNames = 512;
    thread_local QHash<QByteArray, QString> names;
    auto it = names.constFind(name.toByteArray());
    if (it != names.constEnd())
        return it.value();
    const QString s = QString::fromUtf8(name);
    if (names.size() < kMaxNames)
        names.insert(name.toByteArray(), s);
    return s;
}

QString decodeString(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    // Escapes: let Qt's JSON parser decode them (rare: quotes, newlines, control characters).
    const QByteArray wrapped = "[\"" + raw.toByteArray() + "\"]";
    return QJsonDocument::fromJson(wrapped).array().at(0).toString();
}

std::optional<TraceEvent> parseSlowly(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QString op = o.value(QLatin1String("op")).toString();
    const QString ph = o.value(QLatin1String("ph")).toString();
    if (op.isEmpty() || ph.size() != 1 || !knownPhase(static_cast<char>(ph.at(0).unicode())))
        return std::nullopt;
    TraceEvent e;
    // toInteger(), not a cast of toDouble(): a number out of qint64's range is 0, not UB.
    e.t = o.value(QLatin1String("t")).toInteger();
    e.pid = o.value(QLatin1String("pid")).toInt();
    e.tid = o.value(QLatin1String("tid")).toInt();
    e.op = op;
    e.ph = static_cast<char>(ph.at(0).toLatin1());
    e.obj = static_cast<quint64>(o.value(QLatin1String("obj")).toInteger()); // written as int64, as the fast path reads it
    e.line = o.value(QLatin1String("line")).toInt();
    if (o.contains(QLatin1String("v")))
        e.setValues(o.value(QLatin1String("v")).toObject());
    return e;
}

} // namespace

QByteArrayView jsonMember(QByteArrayView object, QByteArrayView key)
{
    Scanner s { object.data(), object.data() + object.size() };
    if (!s.eat('{'))
        return {};
    if (s.eat('}'))
        return {};
    while (true) {
        QByteArrayView name;
        if (!s.string(name) || !s.eat(':'))
            return {};
        s.space();
        const char *start = s.p;
        if (!s.skipValue())
            return {};
        if (name == key)
            return QByteArrayView(start, s.p - start);
        if (!s.eat(','))
            return {};
    }
}

bool TraceEvent::has(const char *key) const
{
    return !jsonMember(rawValues, key).isEmpty();
}

qint64 TraceEvent::integer(const char *key, qint64 fallback) const
{
    const QByteArrayView value = jsonMember(rawValues, key);
    qint64 out = fallback;
    if (value.isEmpty())
        return fallback;
    Scanner s { value.data(), value.data() + value.size() };
    return s.integer(out) ? out : fallback;
}

double TraceEvent::number(const char *key, double fallback) const
{
    const QByteArrayView value = jsonMember(rawValues, key);
    double out = fallback;
    if (value.isEmpty() || std::from_chars(value.data(), value.data() + value.size(), out).ec != std::errc {})
        return fallback;
    return out;
}

bool TraceEvent::flag(const char *key) const
{
    return jsonMember(rawValues, key) == "true";
}

QString TraceEvent::text(const char *key) const
{
    const QByteArrayView value = jsonMember(rawValues, key);
    if (value.size() < 2 || value.front() != '"')
        return {};
    return decodeString(value.sliced(1, value.size() - 2));
}

QJsonObject TraceEvent::values() const
{
    if (rawValues.isEmpty())
        return {};
    return QJsonDocument::fromJson(rawValues).object();
}

void TraceEvent::setValues(const QJsonObject &values)
{
    rawValues = values.isEmpty() ? QByteArray() : QJsonDocument(values).toJson(QJsonDocument::Compact);
}

std::optional<TraceEvent> parseTraceEvent(const QByteArray &line)
{
    // Our workers write {"t":..,"pid":..,"tid":..,"op":"..","ph":"X"[,"obj":..][,"line":..][,"v":{..}]}.
    Scanner s { line.constData(), line.constData() + line.size() };
    TraceEvent e;
    bool haveOp = false, havePh = false;
    if (!s.eat('{'))
        return std::nullopt;
    while (!s.eat('}')) {
        QByteArrayView key;
        if (!s.string(key) || !s.eat(':'))
            return parseSlowly(line);
        qint64 number = 0;
        if (key == "t" || key == "pid" || key == "tid" || key == "obj" || key == "line") {
            if (!s.integer(number))
                return parseSlowly(line);
            if (key == "t")
                e.t = number;
            else if (key == "pid")
                e.pid = static_cast<int>(number);
            else if (key == "tid")
                e.tid = static_cast<int>(number);
            else if (key == "obj")
                e.obj = static_cast<quint64>(number);
            else
                e.line = static_cast<int>(number);
        } else if (key == "op") {
            QByteArrayView op;
            if (!s.string(op) || op.contains('\\'))
                return parseSlowly(line);
            e.op = internOp(op);
            haveOp = !op.isEmpty();
        } else if (key == "ph") {
            QByteArrayView ph;
            if (!s.string(ph) || ph.size() != 1 || !knownPhase(ph.front()))
                return std::nullopt;
            e.ph = ph.front();
            havePh = true;
        } else if (key == "v") {
            s.space();
            const char *start = s.p;
            if (!s.skipValue())
                return std::nullopt;
            e.rawValues = QByteArray(start, s.p - start);
        } else if (!s.skipValue()) {
            return std::nullopt;
        }
        s.eat(',');
    }
    if (!haveOp || !havePh)
        return std::nullopt;
    return e;
}

QByteArray serializeTraceEvent(const TraceEvent &event)
{
    QJsonObject o;
    // Integers, not doubles: nanoseconds past 2^53 (104 days of uptime) and object ids
    // keep every digit, and the fast path reads them back (it stops at a '.' or 'e').
    o[QLatin1String("t")] = event.t;
    o[QLatin1String("pid")] = event.pid;
    o[QLatin1String("tid")] = event.tid;
    o[QLatin1String("op")] = event.op;
    o[QLatin1String("ph")] = QString(QLatin1Char(event.ph));
    if (event.obj)
        o[QLatin1String("obj")] = static_cast<qint64>(event.obj); // as core/trace writes it
    if (event.line)
        o[QLatin1String("line")] = event.line;
    if (!event.rawValues.isEmpty())
        o[QLatin1String("v")] = event.values();
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace ipclab::engine
