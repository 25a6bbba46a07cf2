# property(fget, fset) without decorators.
class Box:
    def __init__(self):
        self._v = 0
    def get_v(self):
        return self._v
    def set_v(self, v):
        self._v = v
    v = property(get_v, set_v)
b = Box()
b.v = 4
print(b.v, Box.v.fget is Box.get_v, Box.v.fdel)
