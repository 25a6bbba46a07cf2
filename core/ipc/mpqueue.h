#pragma once
// multiprocessing.Queue, JoinableQueue and SimpleQueue, built the way CPython
// builds them: a pipe, a read lock, a write lock and a bounded semaphore of
// `maxsize` slots, shared by every process; and in each putting process a
// buffer and a feeder thread that pickles buffered items and writes them.

#include "objects.h"

#include <vector>

namespace ipclab::ipc {

lang::TypeObject *mpQueueType();
lang::TypeObject *joinableQueueType();
lang::TypeObject *simpleQueueType();
/// In a forked child: empty buffers, no feeder threads (CPython's Queue._after_fork).
void resetQueuesAfterFork();
/// At process exit, as multiprocessing's finalizers: first every feeder is told to finish
/// (close), then, after the children are joined, the feeders are joined so buffered items
/// reach the pipe — unless cancel_join_thread() was called.
void closeQueueFeeders();
/// For the spawn start method: a queue as a persistent id (its fds join `fds`, to be
/// inherited by the child), and the queue rebuilt from that id in the child.
bool isQueue(const lang::Value &v);
lang::Value queueSpawnId(const lang::Value &queue, std::vector<int> &fds);
lang::Value rebuildQueue(lang::Interpreter &in, const std::vector<lang::Value> &items);
void joinQueueFeeders();

} // namespace ipclab::ipc
