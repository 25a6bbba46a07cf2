#include "objects.h"

#include "operations.h"

#include <algorithm>

namespace ipclab::lang {

namespace {
Tracked g_trackedHead(nullptr); // sentinel of a circular list; guarded by the interpreter lock
bool g_trackedReady = false;
} // namespace

Tracked::Tracked(Object *owner)
    : trackedOwner(owner)
{
    if (this == &g_trackedHead) {
        trackedPrev = trackedNext = this;
        g_trackedReady = true;
        return;
    }
    if (!g_trackedReady)
        return;
    trackedNext = &g_trackedHead;
    trackedPrev = g_trackedHead.trackedPrev;
    trackedPrev->trackedNext = this;
    g_trackedHead.trackedPrev = this;
}

Tracked::~Tracked()
{
    if (this == &g_trackedHead || !trackedPrev)
        return;
    trackedPrev->trackedNext = trackedNext;
    trackedNext->trackedPrev = trackedPrev;
}

void breakReferenceCycles()
{
    ++g_classVersion; // class dicts are emptied: no cached lookup may point into them
    // Hold every container first: clearing one may free others.
    std::vector<Value> alive;
    for (Tracked *t = g_trackedHead.trackedNext; t && t != &g_trackedHead; t = t->trackedNext) {
        alive.push_back(Value::object(t->trackedOwner));
    }
    for (Value &v : alive) {
        if (v.isKind(ObjKind::List)) {
            std::vector<Value> items = std::move(v.as<ListObject>()->items);
            v.as<ListObject>()->items.clear();
            items.clear();
        } else if (v.isKind(ObjKind::Dict)) {
            v.as<DictObject>()->table.clear();
        } else if (v.isKind(ObjKind::Cell)) {
            v.as<CellObject>()->value = Value();
        } else {
            v.as<SetObject>()->table.clear();
        }
    }
}

void destroyObject(Object *o)
{
    constexpr int kMaxNesting = 200;
    thread_local int depth = 0;
    thread_local std::vector<Object *> pending;
    if (depth >= kMaxNesting) {
        pending.push_back(o);
        return;
    }
    ++depth;
    delete o;
    --depth;
    if (depth == 0) {
        while (!pending.empty()) {
            Object *next = pending.back();
            pending.pop_back();
            ++depth;
            delete next;
            --depth;
        }
    }
}

StrObject::StrObject(std::string s)
    : Object(ObjKind::Str)
    , text(std::move(s))
    , ascii(true)
    , length(0)
{
    std::size_t n = 0;
    for (unsigned char c : text) {
        if (c >= 0x80)
            ascii = false;
        if ((c & 0xC0) != 0x80)
            ++n;
    }
    length = n;
}

std::int64_t RangeObject::length() const
{
    // Unsigned arithmetic: stop - start can exceed INT64_MAX for huge ranges.
    if (step > 0 && start < stop)
        return static_cast<std::int64_t>((static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start) - 1) / static_cast<std::uint64_t>(step) + 1);
    if (step < 0 && start > stop)
        return static_cast<std::int64_t>(
            (static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(stop) - 1) / (0 - static_cast<std::uint64_t>(step)) + 1);
    return 0;
}

int ModuleObject::slotFor(const std::string &n)
{
    auto it = index.find(n);
    if (it != index.end())
        return it->second;
    const int slot = static_cast<int>(values.size());
    values.emplace_back();
    slotNames.push_back(n);
    index.emplace(n, slot);
    return slot;
}

const Value *ModuleObject::lookup(const std::string &n) const
{
    auto it = index.find(n);
    if (it == index.end() || values[it->second].isUndefined())
        return nullptr;
    return &values[it->second];
}

bool TypeObject::isSubtypeOf(const TypeObject *other) const
{
    if (!mro.empty())
        return std::find(mro.begin(), mro.end(), other) != mro.end();
    for (const TypeObject *t = this; t; t = t->base)
        if (t == other)
            return true;
    return false;
}

NativeFn TypeObject::findMethod(const std::string &n) const
{
    if (!mro.empty()) {
        for (const TypeObject *t : mro) {
            auto it = t->methods.find(n);
            if (it != t->methods.end())
                return it->second;
        }
        return nullptr;
    }
    for (const TypeObject *t = this; t; t = t->base) {
        auto it = t->methods.find(n);
        if (it != t->methods.end())
            return it->second;
    }
    return nullptr;
}

// --- HashTable: CPython's compact dict layout (entries in order + sparse index).

std::int64_t HashTable::findSlot(const Value &key, std::size_t hash) const
{
    if (m_index.empty())
        return -1;
    const std::size_t mask = m_index.size() - 1;
    std::size_t i = hash & mask;
    std::size_t perturb = hash;
    while (true) {
        const std::int32_t e = m_index[i];
        if (e == -1)
            return -1;
        if (e >= 0) {
            const Entry &entry = m_entries[static_cast<std::size_t>(e)];
            if (entry.hash == hash && (entry.key.identical(key) || equals(entry.key, key)))
                return static_cast<std::int64_t>(i);
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

std::int64_t HashTable::find(const Value &key) const
{
    const std::size_t h = hashOf(key);
    const std::int64_t slot = findSlot(key, h);
    return slot < 0 ? -1 : m_index[static_cast<std::size_t>(slot)];
}

void HashTable::rebuild(std::size_t capacity)
{
    std::vector<Entry> live;
    live.reserve(m_live);
    for (auto &e : m_entries)
        if (!e.key.isUndefined())
            live.push_back(std::move(e));
    m_entries = std::move(live);
    m_index.assign(capacity, -1);
    const std::size_t mask = capacity - 1;
    for (std::size_t n = 0; n < m_entries.size(); ++n) {
        std::size_t i = m_entries[n].hash & mask;
        std::size_t perturb = m_entries[n].hash;
        while (m_index[i] != -1) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        m_index[i] = static_cast<std::int32_t>(n);
    }
    m_used = m_entries.size();
}

bool HashTable::insert(const Value &key, Value value)
{
    const std::size_t h = hashOf(key);
    const std::int64_t slot = findSlot(key, h);
    if (slot >= 0) {
        m_entries[static_cast<std::size_t>(m_index[static_cast<std::size_t>(slot)])].value = std::move(value);
        return false;
    }
    if ((m_used + 1) * 3 >= m_index.size() * 2) {
        std::size_t cap = 8;
        while (cap * 2 <= (m_live + 1) * 3)
            cap *= 2;
        rebuild(cap * 2);
    }
    const std::size_t mask = m_index.size() - 1;
    std::size_t i = h & mask;
    std::size_t perturb = h;
    while (m_index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    if (m_index[i] == -1)
        ++m_used;
    m_index[i] = static_cast<std::int32_t>(m_entries.size());
    m_entries.push_back(Entry { key, std::move(value), h });
    ++m_live;
    ++m_version;
    return true;
}

bool HashTable::erase(const Value &key)
{
    const std::size_t h = hashOf(key);
    const std::int64_t slot = findSlot(key, h);
    if (slot < 0)
        return false;
    auto &e = m_entries[static_cast<std::size_t>(m_index[static_cast<std::size_t>(slot)])];
    e.key = Value();
    e.value = Value();
    m_index[static_cast<std::size_t>(slot)] = -2;
    --m_live;
    ++m_version;
    while (!m_entries.empty() && m_entries.back().key.isUndefined() && m_live < m_entries.size()) {
        // Trailing holes can't be reached from the index any more only after a rebuild;
        // keep them, rebuild() compacts when the table grows.
        break;
    }
    return true;
}

void HashTable::clear()
{
    m_entries.clear();
    m_index.clear();
    m_live = 0;
    m_used = 0;
    ++m_version;
}

HashTable::Entry HashTable::popLast()
{
    for (std::size_t n = m_entries.size(); n-- > 0;) {
        if (m_entries[n].key.isUndefined())
            continue;
        Entry out = m_entries[n];
        erase(out.key);
        return out;
    }
    return Entry {};
}

Value newStr(std::string s)
{
    return Value::object(new StrObject(std::move(s)));
}
Value newBytes(std::string b)
{
    return Value::object(new BytesObject(std::move(b)));
}
Value newList(std::vector<Value> v)
{
    return Value::object(new ListObject(std::move(v)));
}
Value newTuple(std::vector<Value> v)
{
    return Value::object(new TupleObject(std::move(v)));
}
Value newDict()
{
    return Value::object(new DictObject());
}
Value newSet()
{
    return Value::object(new SetObject());
}

} // namespace ipclab::lang
