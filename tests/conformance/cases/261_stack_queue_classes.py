# Stack and queue classes with error paths.
class EmptyError(Exception):
    pass
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise EmptyError("pop from empty stack")
        return self._items.pop()
    def __bool__(self):
        return bool(self._items)
    def __len__(self):
        return len(self._items)
s = Stack()
for c in "abc":
    s.push(c)
out = []
while s:
    out.append(s.pop())
print(out, len(s), bool(s))
try:
    s.pop()
except EmptyError as e:
    print("EmptyError:", e)
s.pop()
