#pragma once
// The protections a run gets, in words for people (English or 简体中文): one
// place that --sandbox-info, --json's "sandbox" and the window's About box read.

#include "kernel_sandbox.h"

#include <QStringList>

namespace ipclab::engine {

/// One phrase per protection and limit of a run made with `plan`.
QStringList protectionWords(const sandbox::Plan &plan);
/// The plan a run on this machine would get with `limits` (the probe's findings).
sandbox::Plan planForThisMachine(const sandbox::RunLimits &limits, const QString &workerPath);

} // namespace ipclab::engine
