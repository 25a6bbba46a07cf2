# getattr/setattr/hasattr/delattr and __dict__ on instances and classes.
class Config:
    debug = False
    def __init__(self):
        self.level = 1
c = Config()
for name in ["level", "debug", "missing"]:
    print(name, hasattr(c, name), getattr(c, name, "default"))
setattr(c, "extra", [1])
c.extra.append(2)
print(c.extra, c.__dict__, "debug" in Config.__dict__, "level" in Config.__dict__)
delattr(c, "extra")
print(hasattr(c, "extra"), c.__dict__)
c.__dict__["direct"] = 3
print(c.direct)
setattr(Config, "debug", True)
print(c.debug, Config().debug)
try:
    delattr(c, "debug")
except AttributeError as e:
    print(e)
del Config.debug
print(hasattr(c, "debug"))
getattr(c, "nope")
