# raise X from Y sets __cause__ and prints the cause first.
class ConfigError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad number: {text}") from e
try:
    load("x")
except ConfigError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__context__ is e.__cause__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
load("y")
