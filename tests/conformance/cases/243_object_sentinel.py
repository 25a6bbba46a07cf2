# object() as a unique sentinel.
_MISSING = object()
def get(d, k, default=_MISSING):
    if k in d:
        return d[k]
    if default is _MISSING:
        raise KeyError(k)
    return default
print(get({"a": 1}, "a"), get({}, "b", None), _MISSING is _MISSING, _MISSING == object())
print(type(_MISSING).__name__, isinstance(_MISSING, object), isinstance(5, object), isinstance(Exception(), object))
s = {_MISSING: 1}
print(s[_MISSING], repr(_MISSING).startswith("<object object at 0x"))
class K:
    pass
print(issubclass(K, object), K.__mro__, K.__bases__)
get({}, "z")
