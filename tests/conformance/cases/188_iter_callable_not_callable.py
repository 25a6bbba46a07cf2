# The first argument of a two-argument iter() must be callable.
print("start")
for x in iter([1, 2], 2):
    print(x)
