a = [5, 3, 8]
a.append(1)
print(a)
a.extend([9, 2])
a.extend((7,))
a.extend("ab")
print(a)
a.insert(0, 100)
a.insert(3, 200)
a.insert(-1, 300)
a.insert(99, 400)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(200)
print(a, a.index(8), a.count(8), a.count(42))
a = [3, 1, 2, 3, 1, 3]
print(a.count(3), a.index(3), a.index(3, 1), a.index(1, 2, 5))
a.reverse()
print(a)
b = a.copy()
b.append(99)
print(a, b)
b.clear()
print(b, len(b))
c = [1, 2, 3]
r = c.append(4)
print(r, c.sort(), c.reverse(), c)
stack = []
for i in range(5):
    stack.append(i * 10)
out = []
while stack:
    out.append(stack.pop())
print(out)
q = [1, 2, 3]
q.extend(q)
print(q)
lst = ["x", "y"]
lst.insert(1, ["nested"])
print(lst)
