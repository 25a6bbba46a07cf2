# isinstance and issubclass with user classes, tuples and nested tuples.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()), isinstance(A, type))
print(issubclass(B, (C,)), issubclass(B, (C, A)), issubclass(A, object), issubclass(type, object))
print(type(b) in (A, B), isinstance(True, int), isinstance(ValueError("x"), (KeyError, ValueError)))
try:
    isinstance(b, b)
except TypeError as e:
    print(e)
issubclass(b, A)
