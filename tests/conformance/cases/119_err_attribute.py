data = [3, 1, 2]
data.sort()
print(data)
data.append(4)
print(data, len(data))
data.foo()
