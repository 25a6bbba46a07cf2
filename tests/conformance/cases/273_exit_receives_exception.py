# __exit__ gets the exception; raising from __exit__ replaces it.
class Guard:
    def __enter__(self):
        return "resource"
    def __exit__(self, t, v, tb):
        print("exit with", t.__name__ if t else None, repr(v))
        if isinstance(v, KeyError):
            raise RuntimeError("replaced") from v
        return False
with Guard() as g:
    print("got", g)
try:
    with Guard():
        raise ValueError("plain")
except ValueError as e:
    print("propagated", e)
with Guard():
    {}["missing"]
