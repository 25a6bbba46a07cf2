str = "shadowed builtin"
print(str)
n = 5
print(len(str), n)
print(str(n))
