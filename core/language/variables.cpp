// The variables trace: with each statement of a variables-traced run (the window's runs), a
// thread says which locals of its running frame and which module globals changed since it
// last spoke, as Python's repr shows them (a traced IPC object as a reference to it). Only
// changes travel: a loop that changes one name sends one value per turn, not the whole frame
// (docs/trace-format.md, "Trace levels and variables").

#include "errors.h"
#include "interpreter.h"
#include "operations.h"
#include "trace.h"

#include <bit>

namespace ipclab::lang {

namespace {

constexpr std::size_t kReprChars = 80; // the panel shows a value's head; the rest is "…"

/// A name the panel shows: data, not the modules, classes and built-ins a lesson imports.
bool shown(std::string_view name, const Value &v)
{
    if (v.isUndefined() || (name.size() > 4 && name.starts_with("__") && name.ends_with("__")))
        return false;
    if (!v.isObj())
        return true;
    switch (v.obj()->kind) {
    case ObjKind::Module:
    case ObjKind::Type:
    case ObjKind::Native:
    case ObjKind::Function:
        return false;
    default:
        return true;
    }
}

/// The value as a JSON member value: a queue, a pipe end or a lock the trace knows travels as
/// {"object": id}, so the panel can call it by its name (`q`) rather than by an address;
/// anything else as its repr's head.
std::string valueJson(const Value &v)
{
    if (v.isKind(ObjKind::Opaque))
        if (const std::uint64_t id = v.as<OpaqueObject>()->traceObject())
            return "{\"object\":" + std::to_string(id) + "}";
    std::string json;
    try {
        trace::appendJsonString(json, trace::shorten(reprHead(v, kReprChars), kReprChars));
    } catch (const PyException &) {
        trace::appendJsonString(json, "<repr failed>");
    }
    return json;
}

/// Compares `names`/`values` with what was said last (`said`), appends what changed as JSON
/// members of `changed` and the names that went away to `gone`; returns whether anything did.
template <typename NameOf>
bool diff(std::size_t count, NameOf nameOf, const Value *values, std::vector<SaidValue> &said, std::string &changed, std::string &gone)
{
    if (said.size() < count)
        said.resize(count);
    bool any = false;
    for (std::size_t i = 0; i < count; ++i) {
        Value v = values[i];
        if (v.isKind(ObjKind::Cell))
            v = v.as<CellObject>()->value;
        const std::string &name = nameOf(i);
        if (!shown(name, v)) {
            if (!said[i].json.empty()) {
                said[i] = SaidValue {};
                gone += gone.size() > 1 ? "," : "";
                trace::appendJsonString(gone, name);
                any = true;
            }
            continue;
        }
        const std::int64_t bits = v.isFloat() ? std::bit_cast<std::int64_t>(v.asFloat()) : v.isObj() ? 0 : v.asInt();
        if (!v.isObj() && !said[i].json.empty() && said[i].tag == v.tag() && said[i].bits == bits)
            continue; // the same int, float, bool or None: no repr needed to know
        std::string now = valueJson(v);
        said[i].tag = v.tag();
        said[i].bits = bits;
        if (now == said[i].json)
            continue;
        changed += changed.size() > 1 ? "," : "";
        trace::appendJsonString(changed, name);
        changed += ':';
        changed += now;
        said[i].json = std::move(now);
        any = true;
    }
    return any;
}

} // namespace

void Interpreter::reportStatementWithVariables(const Frame &f)
{
    ThreadState &ts = currentThread();
    std::size_t depth = 0; // function frames on this thread's stack
    for (const Frame *frame = &f; frame; frame = frame->back)
        depth += frame->function ? 1 : 0;

    std::string locals = "{", unset = "[", globals = "{", globalsUnset = "[";
    bool fresh = false, changed = depth != ts.reportedDepth;
    if (depth > 0 && f.function) {
        ts.reportedFrames.resize(depth);
        ReportedFrame &said = ts.reportedFrames.back();
        if (said.serial != f.serial) {
            said = ReportedFrame { f.serial, {} };
            fresh = changed = true;
        }
        const auto &names = f.info->slotNames;
        changed |= diff(
            names.size(), [&](std::size_t i) -> const std::string & { return names[i]; }, f.locals, said.said, locals, unset);
    }
    if (f.module == m_main.get()) {
        const auto &names = m_main->slotNames;
        changed |= diff(
            std::min(names.size(), m_main->values.size()), [&](std::size_t i) -> const std::string & { return names[i]; }, m_main->values.data(),
            m_reportedGlobals, globals, globalsUnset);
    }
    if (depth == 0)
        ts.reportedFrames.clear();
    ts.reportedDepth = depth;
    if (!changed) {
        trace::emit("stmt", trace::Phase::Instant);
        return;
    }
    // Only what the reader needs: a member left out is empty (or 0, or false).
    locals += '}';
    unset += ']';
    globals += '}';
    globalsUnset += ']';
    trace::Arg args[7];
    std::size_t count = 0;
    args[count++] = trace::arg("depth", depth);
    if (depth > 0 && f.function)
        args[count++] = trace::arg("function", std::string_view(f.info->name));
    if (fresh)
        args[count++] = trace::arg("fresh", true);
    if (locals.size() > 2)
        args[count++] = trace::rawArg("locals", locals);
    if (unset.size() > 2)
        args[count++] = trace::rawArg("unset", unset);
    if (globals.size() > 2)
        args[count++] = trace::rawArg("globals", globals);
    if (globalsUnset.size() > 2)
        args[count++] = trace::rawArg("globalsUnset", globalsUnset);
    trace::emit("stmt", trace::Phase::Instant, 0, std::span<const trace::Arg>(args, count));
}

} // namespace ipclab::lang
