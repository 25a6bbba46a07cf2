# __len__ must return a non-negative int.
class Neg:
    def __len__(self):
        return -1
class Flt:
    def __len__(self):
        return 1.5
for obj in [Neg(), Flt()]:
    try:
        len(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class NoLen:
    pass
print(bool(NoLen()))
len(NoLen())
