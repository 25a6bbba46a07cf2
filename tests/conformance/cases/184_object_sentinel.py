# object() makes sentinels: only identity, usable as dict keys and in `is` tests.
_MISSING = object()
_STOP = object()


def lookup(table, key, default=_MISSING):
    value = table.get(key, _MISSING)
    if value is _MISSING:
        if default is _MISSING:
            raise KeyError(key)
        return default
    return value


table = {"a": 1}
print(lookup(table, "a"), lookup(table, "b", 0))
print(_MISSING is _STOP, _MISSING == _MISSING, _MISSING != _STOP)
print(type(_STOP).__name__, isinstance(_STOP, object), callable(object))
print(repr(_STOP).startswith("<object object at 0x"), str(_STOP) == repr(_STOP))
seen = {_MISSING: "missing", _STOP: "stop"}
print(seen[_STOP], len(seen), hash(_STOP) == hash(_STOP))
items = [1, _STOP, 2]
print(items.index(_STOP), _STOP in items, object() in items)
try:
    lookup(table, "zz")
except KeyError as e:
    print("KeyError", e)
