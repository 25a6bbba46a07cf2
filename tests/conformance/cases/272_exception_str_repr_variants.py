# str and repr of exception subclasses with zero, one and many arguments.
class E(Exception):
    pass
for e in [E(), E("one"), E("a", 2), E(None)]:
    print(repr(e), "|", str(e), "|", e.args)
class K(KeyError):
    pass
print(str(K("key")), repr(K("key")))
try:
    raise E("a", 2)
except E as caught:
    print(f"{caught}")
raise E("x", "y")
