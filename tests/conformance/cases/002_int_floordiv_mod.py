pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 5), (-1, 5), (13, -4)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-17 // 5, -17 % 5)
print(17 // -5, 17 % -5)
print(-1 // 10, -1 % 10)
for a in range(-6, 7):
    q = a // 3
    r = a % 3
    assert q * 3 + r == a
    print(a, q, r, end="; ")
print()
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(divmod(-9, 4), divmod(9, -4))
print(1000000007 % 97, -1000000007 % 97)
print(2 ** 62 // 3, 2 ** 62 % 1000)
