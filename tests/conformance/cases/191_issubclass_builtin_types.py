# issubclass() with built-in classes and tuples of classes.
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object))
print(issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, Exception)))
print(issubclass(BrokenPipeError, (ConnectionError,)), issubclass(str, ()))
print(issubclass(TimeoutError, OSError), issubclass(type, object))
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
issubclass(int, 3)
