class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)), not Flag(False), Flag(True) and "yes", Flag(False) or "no")
print([x.on for x in [Flag(True), Flag(False)] if x])
class Bad:
    def __bool__(self):
        return 1
while Flag(False):
    pass
if Bad():
    pass
