counter = 0
def increment():
    global counter
    counter += 1
    return counter
for _ in range(5):
    increment()
print(counter)
def read_only():
    return counter * 2
print(read_only())
def create_global():
    global created
    created = "made inside"
create_global()
print(created)
x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
config = {"debug": False}
def toggle():
    config["debug"] = not config["debug"]
toggle()
print(config)
total = 0
def add_all(*vals):
    global total
    for v in vals:
        total += v
add_all(1, 2, 3)
add_all(10)
print(total)
def outer():
    def inner():
        global total
        total = -1
    inner()
    return total
print(outer(), total)
items = []
def reset():
    global items
    items = ["fresh"]
items.append("old")
reset()
print(items)
