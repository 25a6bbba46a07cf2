#pragma once
// multiprocessing.connection.Connection over a socketpair (duplex) or a pipe:
// messages framed as CPython frames them (a 4-byte big-endian length, then
// the pickle), so `recv` sees EOF only when every write end is closed.

#include "fd.h"
#include "objects.h"
#include "trace.h"

#include <string>

namespace ipclab::ipc {

struct ConnectionObject final : lang::OpaqueObject {
    ConnectionObject(int fd, bool readable, bool writable);
    ~ConnectionObject() override;
    UniqueFd fd;
    bool readable;
    bool writable;
    trace::ObjectId traceId; // this end, in trace events
    std::uint64_t traceObject() const override { return traceId; }
    /// Closes the handle (once), tracing which process let go of which end.
    void close();
    lang::Value getAttribute(lang::Interpreter &, const std::string &name) override;
};

lang::TypeObject *connectionType();
/// multiprocessing.ProcessError and BufferTooShort (recv_bytes_into with too little room).
lang::TypeObject *processErrorType();
lang::TypeObject *bufferTooShortType();
/// The ends this process holds open, as a JSON array of trace ids (for "process.run").
std::string openConnectionIdsJson();
/// multiprocessing.Pipe(duplex=True) -> (conn1, conn2)
lang::Value makePipe(bool duplex);

/// Framing shared with Queue: one length-prefixed message, written whole.
/// Both release the interpreter lock while they block and raise OSError on failure.
void writeMessage(int fd, const std::string &payload);
enum class ReadStatus { Message, EndOfFile, TooLong, Truncated };
/// Reads one message; EndOfFile is a clean EOF before the header, TooLong leaves the payload unread.
ReadStatus readMessage(int fd, std::string &payload, std::size_t maxLength = SIZE_MAX);

} // namespace ipclab::ipc
