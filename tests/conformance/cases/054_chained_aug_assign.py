a = b = c = 5
print(a, b, c)
a += 1
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
n = 10
n += 5
print(n)
n -= 3
print(n)
n *= 2
print(n)
n //= 5
print(n)
n %= 3
print(n)
n **= 5
print(n)
n <<= 3
print(n)
n >>= 1
print(n)
n &= 0b1110
print(n)
n |= 1
print(n)
n ^= 0xFF
print(n)
f = 7
f /= 2
print(f)
f **= 2
print(f)
f //= 3
print(f)
f %= 4
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
l += [2, 3]
l *= 2
print(l)
t = (1,)
t += (2,)
print(t)
alias = l
l += [9]
print(alias is l, alias[-1])
u = v = 0
u += 1
print(u, v)
