#include "run_registry.h"

#include <cstring>
#include <ctime>
#include <new>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::sandbox {

namespace {

RegistryTable *mapTable(int fd)
{
    void *mapping = ::mmap(nullptr, sizeof(RegistryTable), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    return mapping == MAP_FAILED ? nullptr : static_cast<RegistryTable *>(mapping);
}

std::int64_t realtimeNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::string nameOf(const SegmentEntry &e)
{
    return std::string(e.name, ::strnlen(e.name, kSegmentNameBytes));
}

// A name the run's processes may have created: no '/', not empty (anything else was refused).
bool plausibleName(const std::string &name)
{
    return !name.empty() && name.find('/') == std::string::npos && name != "." && name != "..";
}

std::vector<std::string> segmentsToRemoveFrom(const RegistryTable &table)
{
    std::vector<std::string> names;
    if (table.magic.load() != kRegistryMagic || table.privateSharedMemory.load())
        return names;
    const std::uint32_t used = std::min(table.nextSegment.load(), kMaxSegments);
    for (std::uint32_t i = 0; i < used; ++i) {
        const SegmentEntry &e = table.segments[i];
        const std::uint32_t state = e.state.load(std::memory_order_acquire);
        const std::string name = nameOf(e);
        if (!plausibleName(name))
            continue;
        if (state == SegmentCreated) {
            names.push_back(name);
        } else if (state == SegmentCreating) {
            // The creator died between shm_open and saying how it went. Ours only if the
            // segment is younger than the run: another program's older one is left alone.
            struct stat st { };
            const std::string path = "/dev/shm/" + name;
            if (::stat(path.c_str(), &st) == 0) {
                const std::int64_t changed = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
                if (changed >= table.createdAtNs.load())
                    names.push_back(name);
            }
        }
    }
    return names;
}

RegistryTable *g_table = nullptr;
int g_fd = -1;

} // namespace

RegistryOwner::~RegistryOwner()
{
    if (m_table)
        ::munmap(m_table, sizeof(RegistryTable));
    if (m_fd >= 0)
        ::close(m_fd);
}

bool RegistryOwner::create(std::uint32_t maxProcessCount, std::uint64_t maxShared, bool privateSharedMemory)
{
    m_fd = ::memfd_create("ipclab-registry", MFD_CLOEXEC);
    if (m_fd < 0)
        return false;
    if (::ftruncate(m_fd, sizeof(RegistryTable)) != 0 || !(m_table = mapTable(m_fd))) {
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    // A fresh memfd reads as zeros: no segment, no port, nothing counted.
    new (m_table) RegistryTable;
    m_table->privateSharedMemory.store(privateSharedMemory ? 1 : 0);
    m_table->createdAtNs.store(realtimeNs() - 1'000'000'000); // a second of slack for coarse ctimes
    m_table->maxProcesses.store(maxProcessCount);
    m_table->maxSharedBytes.store(maxShared);
    m_table->magic.store(kRegistryMagic);
    return true;
}

std::vector<std::string> RegistryOwner::segmentsToRemove() const
{
    return m_table ? segmentsToRemoveFrom(*m_table) : std::vector<std::string> {};
}

std::uint32_t RegistryOwner::processesStarted() const
{
    return m_table ? m_table->processesStarted.load() : 0;
}

void removeSegmentsOfRegistry(int fd)
{
    RegistryTable *table = mapTable(fd);
    if (!table)
        return;
    for (const std::string &name : segmentsToRemoveFrom(*table))
        ::shm_unlink(("/" + name).c_str());
    ::munmap(table, sizeof(RegistryTable));
}

bool attach(int fd)
{
    struct stat st { };
    if (::fstat(fd, &st) != 0 || static_cast<std::size_t>(st.st_size) < sizeof(RegistryTable))
        return false;
    RegistryTable *table = mapTable(fd);
    if (!table || table->magic.load() != kRegistryMagic)
        return false;
    g_table = table;
    g_fd = fd;
    return true;
}

int registryFd()
{
    return g_fd;
}

bool attached()
{
    return g_table != nullptr;
}

std::optional<std::uint32_t> beginSegment(std::string_view name)
{
    if (!g_table)
        return kMaxSegments; // nothing to record: a slot no one reads
    if (name.size() >= kSegmentNameBytes)
        return std::nullopt;
    const std::uint32_t slot = g_table->nextSegment.fetch_add(1);
    if (slot >= kMaxSegments)
        return std::nullopt;
    SegmentEntry &e = g_table->segments[slot];
    std::memcpy(e.name, name.data(), name.size());
    e.name[name.size()] = '\0';
    e.state.store(SegmentCreating, std::memory_order_release);
    return slot;
}

void segmentCreated(std::uint32_t slot, std::uint64_t bytes)
{
    if (!g_table || slot >= kMaxSegments)
        return;
    g_table->segments[slot].bytes.store(bytes);
    g_table->segments[slot].state.store(SegmentCreated, std::memory_order_release);
}

void segmentNotOurs(std::uint32_t slot)
{
    if (g_table && slot < kMaxSegments)
        g_table->segments[slot].state.store(SegmentNotOurs, std::memory_order_release);
}

void segmentUnlinked(std::string_view name)
{
    if (!g_table)
        return;
    const std::uint32_t used = std::min(g_table->nextSegment.load(), kMaxSegments);
    for (std::uint32_t i = 0; i < used; ++i) {
        SegmentEntry &e = g_table->segments[i];
        std::uint32_t expected = SegmentCreated;
        if (nameOf(e) == name)
            e.state.compare_exchange_strong(expected, SegmentUnlinked);
    }
}

bool isSegmentOfRun(std::string_view name)
{
    if (!g_table)
        return true;
    const std::uint32_t used = std::min(g_table->nextSegment.load(), kMaxSegments);
    for (std::uint32_t i = 0; i < used; ++i) {
        const SegmentEntry &e = g_table->segments[i];
        if (e.state.load(std::memory_order_acquire) == SegmentCreated && nameOf(e) == name)
            return true;
    }
    return false;
}

void noteListeningPort(int port)
{
    if (g_table && port > 0 && port < 65536)
        g_table->listeningPorts[port / 64].fetch_or(std::uint64_t(1) << (port % 64));
}

bool isPortOfRun(int port)
{
    if (!g_table)
        return true;
    return port > 0 && port < 65536 && (g_table->listeningPorts[port / 64].load() & (std::uint64_t(1) << (port % 64)));
}

bool reserveProcess()
{
    if (!g_table)
        return true;
    std::uint32_t started = g_table->processesStarted.load();
    do {
        if (started >= g_table->maxProcesses.load())
            return false;
    } while (!g_table->processesStarted.compare_exchange_weak(started, started + 1));
    return true;
}

std::uint32_t maxProcesses()
{
    return g_table ? g_table->maxProcesses.load() : 0;
}

bool reserveSharedBytes(std::uint64_t bytes)
{
    if (!g_table)
        return true;
    std::uint64_t used = g_table->sharedBytes.load();
    do {
        if (bytes > g_table->maxSharedBytes.load() || used > g_table->maxSharedBytes.load() - bytes)
            return false;
    } while (!g_table->sharedBytes.compare_exchange_weak(used, used + bytes));
    return true;
}

std::uint64_t maxSharedBytes()
{
    return g_table ? g_table->maxSharedBytes.load() : 0;
}

} // namespace ipclab::sandbox
