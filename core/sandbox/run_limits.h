#pragma once
// What one run may use. Each limit has a default here (the one place it is
// written), an option of `ipclab run`, and a clear error when it is reached.
// docs/sandbox.md lists them with the error a scenario sees.

#include <cstdint>

namespace ipclab::sandbox {

struct RunLimits {
    /// Processes a run may start (Process, Pool workers, Manager servers), MainProcess not counted.
    std::uint32_t maxProcesses = 64;
    /// Address space of each process (RLIMIT_AS): past it, allocation fails with MemoryError.
    /// 0: no limit. Sanitizer builds never set it (their shadow memory needs terabytes).
    std::uint64_t memoryBytesPerProcess = 16ull << 30; // virtual: 400 threads reserve 3.2 GiB of stacks alone
    /// Bytes of files in the run's folder, and the number of files there.
    std::uint64_t folderBytes = 1ull << 30;
    std::uint32_t folderFiles = 4096;
    /// Shared memory created by the run, in total (SharedMemory, mmap files, Value/Array).
    std::uint64_t sharedMemoryBytes = 1ull << 30;
    /// Output the orchestrator keeps of stdout: the head and the tail, half each.
    std::uint64_t keptOutputBytes = 16ull << 20;
    /// Trace events the orchestrator keeps; past it the run is stopped and says so.
    std::uint64_t maxTraceEvents = 20'000'000;
};

} // namespace ipclab::sandbox
