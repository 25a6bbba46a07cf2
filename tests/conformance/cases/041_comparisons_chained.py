calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(2) < v(5) >= v(5), calls)
for x in range(-2, 8, 3):
    print(x, 0 <= x < 5, x < 0 or x > 4, not 0 <= x <= 4)
a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a is b, a is not b, a != b)
print(1 < 2 == 2, 1 < 2 == 3, (1 < 2) == True)
print(1 in [1, 2] in [[1, 2]], 3 not in [1] not in [[2]])
print("a" < "b" < "c" < "d", "abc" <= "abc" < "abd")
print(2.0 < 3 < 3.5, -1 < 0.0 <= 0)
age = 25
category = "child" if age < 13 else "teen" if age < 20 else "adult" if age < 65 else "senior"
print(category)
