# staticmethod objects, class attributes holding functions, and vars-like __dict__.
class Util:
    factor = 3
    @staticmethod
    def triple(x):
        return x * Util.factor
    helpers = [triple]
print(Util.triple(2), Util.helpers[0](4), Util().triple(1))
class Tool:
    pass
Tool.run = staticmethod(lambda: "static run")
Tool.make = classmethod(lambda cls: cls.__name__)
print(Tool.run(), Tool().run(), Tool.make(), Tool().make())
print(type(Util.__dict__["triple"]).__name__)
Util.triple()
