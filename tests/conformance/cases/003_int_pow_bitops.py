print(2 ** 10, 3 ** 4, 10 ** 0, 0 ** 0)
print(2 ** 62, (-2) ** 3, -2 ** 2)
print(2 ** -1, 4 ** -2, 10 ** -3)
print(pow(2, 10), pow(3, 4, 5), pow(7, 0, 13), pow(2, 20, 1000))
print(2 ** 3 ** 2)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, ~0, ~-1)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0xAA)
print(-5 & 0xFF, -1 & 7, -8 | 3, -8 ^ 5)
x = 1
for i in range(20):
    x = x << 1
print(x, x >> 20)
mask = 0
for bit in [0, 3, 5, 7]:
    mask |= 1 << bit
print(mask, bin(mask), hex(mask))
count = 0
v = 0b1011011101
while v:
    count += v & 1
    v >>= 1
print("popcount", count)
print(1 << 62, (1 << 62) - 1)
print(6 & 3 | 8, 6 ^ 3 & 1)
