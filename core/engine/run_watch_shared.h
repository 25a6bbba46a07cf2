#pragma once
// The part of a run's state that lives outside multiprocessing's own objects:
// named pipes (FIFOs) opened with os.open, loopback sockets, shared memory
// (Value, Array, SharedMemory, mmap) and Pools, folded from their trace
// events (docs/trace-format.md). RunWatch feeds every event through here.

#include "trace_event.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ipclab::engine {

struct FifoInfo {
    QString path;
    std::set<int> readers, writers; ///< pids with the read / write end open
    qint64 bytesInFlight = 0; ///< written, not yet read
    bool removed = false; ///< os.remove'd (open ends still work)
};

struct SocketInfo {
    QString kind; ///< "tcp" or "pair"
    QString state; ///< "created", "bound", "listening", "connected", "closed"
    QString address; ///< its own address ("127.0.0.1:5000"), empty for a pair
    quint64 peer = 0; ///< the connected socket at the other end
    quint64 acceptedBy = 0; ///< for a connection made by accept(): the listening socket
    qint64 bytesInFlight = 0; ///< sent from this socket, not yet received at the peer
    int ownerPid = 0; ///< the process that made it (socket(), accept(), socketpair())
};

struct SegmentInfo {
    QString kind; ///< "Value", "Array", "SharedMemory", "mmap"
    QString name; ///< SharedMemory's name, mmap's file
    QString typecode; ///< Value / Array
    qint64 size = 0; ///< bytes
    QByteArray bytes; ///< its contents as the last write left them
    quint64 lock = 0; ///< a Value's or an Array's lock (get_lock())
    int lastWriter = 0; ///< the pid of the last write, and where it wrote
    qint64 lastOffset = 0, lastSize = 0;
};

struct PoolInfo {
    std::set<int> workers;
    std::map<int, QString> names; ///< worker pid -> ForkPoolWorker-N
    std::set<quint64> pipeEnds; ///< the ends of the workers' task and result pipes
    int tasksSent = 0;
    int tasksDone = 0;
};

struct SharedWatch {
    std::map<quint64, FifoInfo> fifos;
    std::map<quint64, SocketInfo> sockets;
    std::map<quint64, SegmentInfo> segments;
    std::map<quint64, PoolInfo> pools;
    /// Every SharedMemory name a process of the run asked to create: unlinked when the run ends.
    std::set<QString> createdSegments;

    void apply(const TraceEvent &e);
    /// A process ended: the fds it held are closed.
    void processGone(int pid);
    /// Why `op` (begun by `begin`) waits, in words, for the primitives folded here; empty for
    /// the others. `who` and `where` name the process and the line.
    QString explain(const TraceEvent &begin, const QString &who, const QString &where, const QString &holders) const;
    /// The pids holding the other end of a FIFO a thread waits on (for RunWatch's wording).
    std::set<int> otherEnd(const TraceEvent &begin) const;

private:
    std::map<std::pair<int, qint64>, std::pair<quint64, QString>> m_fds; ///< (pid, fd) -> (fifo, end)
    using FdList = std::vector<std::pair<qint64, std::pair<quint64, QString>>>;
    FdList fdsOf(int pid) const;
    std::map<int, FdList> m_forking; ///< by thread: what its process held when its fork began (none for spawn)
    std::map<int, FdList> m_inherited; ///< by child pid: the fds it inherited
    std::map<QString, quint64> m_socketByAddress;
    std::set<QString> m_madeSegments; ///< created for sure (shm.create ended) ///< a connected socket by its own address
};

} // namespace ipclab::engine
