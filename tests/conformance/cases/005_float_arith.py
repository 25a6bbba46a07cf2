a = 7.5
b = 2.0
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, a ** 2, b ** 0.5)
print(1.5 + 2, 3 * 0.5, 10 / 4, 2 ** 0.5)
print(1e3, 1.5e-3, 2.5E2, 1e16, 1e-5, 123456789.0)
print(1e22, 1.0e-7, 0.0001, 0.00001)
print(-0.0, 0.0 == -0.0, abs(-2.5))
print(float(3), float("2.5"), float("-1e3"), float(" 4.25 "))
print(3.0 == 3, 0.5 + 0.5 == 1)
print(100.0, 1.0, 2.50, 3.14159)
print(1/3, 2/3, 10/3)
print(sum([0.1] * 10))
total = 0.0
for i in range(1, 6):
    total += 1.0 / i
print(total)
print(round(total, 3), round(2.675, 2), round(0.5), round(1.5), round(2.5))
print(round(3.14159, 0), round(-2.5), round(1234.5678, -2))
print(int(3.9), int(-3.9), int(0.0), int(1e10))
print(float(10 ** 15), 1.0 * 2 ** 53)
print(7.0 // 2.0, -7.0 // 2.0, 7.0 % -2.0)
