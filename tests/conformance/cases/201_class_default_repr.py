# The default repr names the module and the class; str falls back to repr.
class Plain:
    pass

p = Plain()
r = repr(p)
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(str(p) == r, f"{p}" == r, "%s" % (p,) == r)
print(repr(Plain) , Plain.__name__, type(p) is Plain)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, repr(Outer.Inner))
print(repr(Outer.Inner()).startswith("<__main__.Outer.Inner object at"))
