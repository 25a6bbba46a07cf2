#pragma once
// The run's registry: what the run created that the orchestrator must know
// about (its shared-memory segments and listening ports) and the counters
// behind its limits. A page of shared memory (a memfd the orchestrator makes;
// every worker maps it through an inherited descriptor) written only by the
// worker runtime: a scenario reaches neither the descriptor (os.* refuses fds
// the scenario did not open) nor a file (paths stay in the run's folder). It
// replaces the files in the run's folder and the trace events that a
// scenario could forge: cleanup and the "is this ours?" checks read only this.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::sandbox {

constexpr std::uint32_t kMaxSegments = 512;
constexpr std::size_t kSegmentNameBytes = 248;

enum SegmentState : std::uint32_t {
    SegmentFree = 0,
    SegmentCreating = 1, ///< announced before shm_open(O_EXCL): may or may not exist
    SegmentCreated = 2, ///< this run made it
    SegmentNotOurs = 3, ///< shm_open failed: another program's name, never removed
    SegmentUnlinked = 4, ///< the scenario unlinked it itself
};

struct SegmentEntry {
    std::atomic<std::uint32_t> state;
    std::atomic<std::uint64_t> bytes;
    char name[kSegmentNameBytes]; ///< without the leading '/'; written before state leaves Free
};

struct RegistryTable {
    std::atomic<std::uint32_t> magic;
    std::atomic<std::uint32_t> privateSharedMemory; ///< 1: the run has its own /dev/shm; nothing to unlink outside
    std::atomic<std::int64_t> createdAtNs; ///< CLOCK_REALTIME, for segments caught mid-create
    std::atomic<std::uint32_t> maxProcesses;
    std::atomic<std::uint32_t> processesStarted;
    std::atomic<std::uint64_t> maxSharedBytes;
    std::atomic<std::uint64_t> sharedBytes;
    std::atomic<std::uint32_t> nextSegment;
    std::atomic<std::uint64_t> listeningPorts[65536 / 64];
    SegmentEntry segments[kMaxSegments];
};

constexpr std::uint32_t kRegistryMagic = 0x49505252; // "IPRR"

/// The orchestrator's side: creates the table, hands its fd to the run, reads it at the end.
class RegistryOwner {
public:
    RegistryOwner() = default;
    ~RegistryOwner();
    RegistryOwner(const RegistryOwner &) = delete;
    RegistryOwner &operator=(const RegistryOwner &) = delete;

    bool create(std::uint32_t maxProcesses, std::uint64_t maxSharedBytes, bool privateSharedMemory);
    int fd() const { return m_fd; }
    /// Segments to unlink after the run: created by it and not unlinked, or caught mid-create
    /// and newer than the run. Empty when the run had its own /dev/shm.
    std::vector<std::string> segmentsToRemove() const;
    std::uint32_t processesStarted() const;

private:
    int m_fd = -1;
    RegistryTable *m_table = nullptr;
};

/// Removes what segmentsToRemove() names, from a descriptor (the janitor reads the table too).
void removeSegmentsOfRegistry(int fd);

// The worker's side. Without attach() (a worker started by hand), every check passes through
// to the kernel and nothing is recorded.
bool attach(int fd);
int registryFd();
bool attached();

/// Announces a segment about to be created; the slot for segmentCreated/segmentNotOurs.
/// nullopt when the table is full (the caller refuses the create).
std::optional<std::uint32_t> beginSegment(std::string_view name);
void segmentCreated(std::uint32_t slot, std::uint64_t bytes);
void segmentNotOurs(std::uint32_t slot);
void segmentUnlinked(std::string_view name);
bool isSegmentOfRun(std::string_view name);

void noteListeningPort(int port);
bool isPortOfRun(int port);

/// Counts a process about to start; false (and nothing counted) past the run's limit.
bool reserveProcess();
std::uint32_t maxProcesses();
/// Counts shared memory about to be created; false past the run's total.
bool reserveSharedBytes(std::uint64_t bytes);
std::uint64_t maxSharedBytes();

} // namespace ipclab::sandbox
