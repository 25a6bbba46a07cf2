point = (3, 4)
x = point[0]
y = point[1]
print(x, y, x * x + y * y)
z = point[2]
print(z)
