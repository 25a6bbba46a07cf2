# A __repr__ that recurses forever ends in RecursionError, not a crash.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"
try:
    repr(Loop())
except RecursionError:
    print("RecursionError caught")
class Node:
    def __init__(self):
        self.next = self
    def __eq__(self, other):
        return self.next == other.next
    __hash__ = object.__hash__
n = Node()
try:
    n == Node()
except RecursionError:
    print("RecursionError again")
raise SystemExit(3)
