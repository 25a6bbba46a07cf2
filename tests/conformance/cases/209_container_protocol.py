# __len__, __getitem__, __setitem__, __delitem__, __contains__, __bool__.
class Bag:
    def __init__(self):
        self.items = {}
    def __len__(self):
        return len(self.items)
    def __getitem__(self, k):
        return self.items[k]
    def __setitem__(self, k, v):
        self.items[k] = v
    def __delitem__(self, k):
        del self.items[k]
    def __contains__(self, k):
        return k in self.items

b = Bag()
print(len(b), bool(b), "x" in b)
b["x"] = 1
b["y"] = 2
print(len(b), bool(b), "x" in b, "z" not in b, b["y"])
del b["x"]
print(len(b), "x" in b)
if b:
    print("truthy")
b["nope"]
