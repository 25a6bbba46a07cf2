# except matches through the class's MRO, with multiple inheritance too.
class Base(Exception): pass
class Mid(Base): pass
class Leaf(Mid, KeyError): pass
for exc in [Base("b"), Mid("m"), Leaf("l")]:
    try:
        raise exc
    except KeyError as e:
        print("KeyError", e)
    except Mid as e:
        print("Mid", e)
    except Base as e:
        print("Base", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print(e)
try:
    try:
        raise Mid("x")
    except NotAnException:
        pass
except TypeError as e:
    print(e)
raise Leaf("final")
