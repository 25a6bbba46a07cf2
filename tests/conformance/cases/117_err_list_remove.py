names = ["ann", "bob", "cy", "bob"]
names.remove("bob")
print(names)
names.remove("bob")
print(names)
names.remove("bob")
print(names)
