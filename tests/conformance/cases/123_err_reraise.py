def load(key):
    store = {"a": 1}
    try:
        return store[key]
    except KeyError:
        print("load failed for", key)
        raise
print(load("a"))
try:
    load("b")
except KeyError as e:
    print("handled", e)
print(load("c"))
