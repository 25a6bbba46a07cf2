#pragma once
// The built-in type objects, created once per process and never freed.

#include "objects.h"

#include <vector>

namespace ipclab::lang {

struct BuiltinTypes {
    TypeObject *object, *type, *none, *boolean, *integer, *real, *str, *bytes, *list, *tuple, *dict, *set, *range, *slice, *function, *builtinFunction, *module,
        *cell, *dictKeys, *dictValues, *dictItems, *iterator;

    TypeObject *BaseException, *SystemExit, *KeyboardInterrupt, *Exception, *ArithmeticError, *ZeroDivisionError, *OverflowError, *LookupError, *IndexError,
        *KeyError, *ValueError, *TypeError, *NameError, *UnboundLocalError, *AttributeError, *RuntimeError, *NotImplementedError, *RecursionError,
        *AssertionError, *StopIteration, *EOFError, *OSError, *TimeoutError, *FileNotFoundError, *FileExistsError, *BrokenPipeError, *ConnectionError,
        *ConnectionRefusedError, *ConnectionResetError, *InterruptedError, *BlockingIOError, *PermissionError, *ImportError, *ModuleNotFoundError,
        *UnicodeError, *UnicodeDecodeError, *UnicodeEncodeError, *MemoryError, *GeneratorExit;

    std::vector<TypeObject *> exceptionTypes; ///< every exception type, for the builtins namespace
};

/// The process-wide built-in types (created on first use; thread-safe static init).
const BuiltinTypes &types();

/// Python's type(value).
TypeObject *typeOf(const Value &v);
inline const std::string &typeName(const Value &v)
{
    return typeOf(v)->name;
}

/// Installs the methods of str, bytes, list, dict, set... (defined across the methods_*.cpp files).
void registerStrMethods(BuiltinTypes &t);
void registerBytesMethods(BuiltinTypes &t);
void registerContainerMethods(BuiltinTypes &t);
void registerTypeConstructors(BuiltinTypes &t);

} // namespace ipclab::lang
