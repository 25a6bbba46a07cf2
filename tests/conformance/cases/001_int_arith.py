a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b)
print(a // b, a % b)
print(-a, +a, -(-a))
print(2 + 3 * 4, (2 + 3) * 4)
print(100 - 1 - 2 - 3)
print(2 * 3 + 4 * 5 - 6)
x = 0
for i in range(1, 11):
    x = x + i * i
print("sum of squares:", x)
print(1000000 * 1000000)
print(123456789 * 987654321)
print(9223372036854775807)
print(-9223372036854775807, -(2 ** 62) - (2 ** 62 - 1))
print(7 * -3, -7 * -3)
print(0 * 12345, 12345 * 1)
print(10 / 2, 10 / 4, 1 / 8)
print(type(10 / 2).__name__, type(10 // 2).__name__)
print(3 + True, True + True, False * 10)
print(0x1F, 0o17, 0b1011, 1_000_000)
print(int("42") + 1, int("-17"), int(" 8 "))
n = 12
n = n * 2 + 1
print(n)
print(abs(-5), abs(5), abs(0))
