# Nested classes, class-level constants and enumerations without enum.
class Color:
    RED = 1
    GREEN = 2
    NAMES = {1: "red", 2: "green"}
    class Meta:
        version = "1.0"
    @classmethod
    def name_of(cls, v):
        return cls.NAMES[v]
print(Color.RED, Color.name_of(Color.GREEN), Color.Meta.version, Color.Meta.__qualname__)
print(sorted(k for k in Color.__dict__ if not k.startswith("_")))
print(Color.name_of(3))
