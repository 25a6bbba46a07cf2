#pragma once
// Python exceptions travel through the C++ evaluator as C++ exceptions:
// the non-raising path costs nothing and every frame can add itself to the
// traceback on the way out.

#include "objects.h"

#include <string>

namespace ipclab::lang {

struct PyException {
    Ref<ExceptionObject> exc;
};

Ref<ExceptionObject> makeException(TypeObject *type, std::string message);
[[noreturn]] void raise(TypeObject *type, std::string message);
[[noreturn]] void raise(Ref<ExceptionObject> exc);

/// OSError for a failed system call, as CPython maps errno to its subclasses
/// (EPIPE -> BrokenPipeError, ENOENT -> FileNotFoundError, ...), with args (errno, strerror).
[[noreturn]] void raiseOSError(int err);
/// The same with the file name CPython adds: "[Errno 2] No such file or directory: 'fifo'".
[[noreturn]] void raiseOSError(int err, const std::string &filename);
/// Words added to strerror for `err` from now on: which limit of the run was reached
/// ("No space left on device (the run's folder is full: ipclab run --max-folder)").
void setOSErrorHint(int err, std::string hint);

/// str(e) as Python prints it after "TypeName: ".
std::string exceptionMessage(const ExceptionObject &e);

} // namespace ipclab::lang
