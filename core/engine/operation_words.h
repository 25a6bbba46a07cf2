#pragma once
// The trace vocabulary (core/trace/protocol.h) as the Qt side reads it: an event's op
// looked up once, its blocking class, its Python-level call and its wording in the
// language the window shows.

#include "protocol.h"

#include <QString>

namespace ipclab::engine {

/// The vocabulary's entry for `op`, or nullptr.
const trace::Operation *operationOf(const QString &op);
trace::Blocking blockingOf(const QString &op);
trace::Route routeOf(const QString &op);
/// The wording of `op` in the language chosen by setChineseWording ("waiting for a message from a pipe").
QString operationWords(const QString &op);
/// The Python-level call ("recv()"), else the wording: never the internal name.
QString callName(const QString &op);
/// Whether an operation is a step of the lesson's own IPC (a call on a primitive, a process
/// starting or ending, a print): what "next IPC event" goes to and what playback paces.
/// Statements, idle helpers and a server's side of a round trip are not.
bool isIpcOperation(const QString &op);
/// The window switches the wording with its interface language (ui/language.cpp); the command line stays English.
void setChineseWording(bool chinese);
bool chineseWording();

} // namespace ipclab::engine
