def find_handler(name):
    handlers = {"greet": lambda who: "hello " + who}
    return handlers.get(name)
h = find_handler("greet")
print(h("world"))
h2 = find_handler("missing")
print(h2)
print(h2("world"))
