#pragma once
// Ctrl+C as CPython has it: SIGINT sets a flag, and the interpreter's main thread
// raises KeyboardInterrupt at its next statement, or as soon as the blocking call
// it is in is interrupted. Only the main thread sees it, as in CPython.

namespace ipclab::lang::interrupt {

/// Installs the SIGINT handler (no SA_RESTART, so a blocked read or poll of the main
/// thread returns EINTR) and makes the calling thread the one that gets the interrupt.
void install();
/// The calling thread becomes the main thread (a forked child: the thread that forked).
void adoptMainThread();
/// Ignores SIGINT from now on (a Manager's server does, as CPython's).
void ignore();
/// True when an interrupt waits for the calling thread, which is the main thread.
bool pendingHere();
/// Raises KeyboardInterrupt when pendingHere(), clearing it. Needs the interpreter lock.
void raiseIfPending();

} // namespace ipclab::lang::interrupt
