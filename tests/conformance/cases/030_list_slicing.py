a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[::-1], a[7:2:-2])
print(a[100:], a[-100:2], a[5:5], a[::-3])
t = tuple(a)
print(t[1:4], t[::-2], t[-2:], t[:0])
for step in [1, 2, 3, -1, -4]:
    print(step, a[::step])
b = a[:]
b[0] = -1
print(a[0], b[0], a == b)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in m], [row[::-1] for row in m], m[::-1][0])
print(m[1][1:], m[-1][-1])
s = [1, 2, 3, 4, 5, 6]
print(s[1:-1], s[-5:-2], s[4:1:-1])
print(list(reversed(s[1:4])), sum(s[::2]), sum(s[1::2]))
