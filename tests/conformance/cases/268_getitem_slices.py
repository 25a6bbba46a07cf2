# __getitem__ receives slices; __setitem__ and __delitem__ too.
class Recorder:
    def __init__(self):
        self.data = list(range(10))
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step, self.data[key])
        return ("index", key, self.data[key])
    def __setitem__(self, key, value):
        self.data[key] = value
    def __delitem__(self, key):
        del self.data[key]
r = Recorder()
print(r[3], r[1:4], r[::3], r[-1])
r[0] = 99
r[1:3] = ["a", "b", "c"]
del r[5]
print(r.data)
print(r["x"])
