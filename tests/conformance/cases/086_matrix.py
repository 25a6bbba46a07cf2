def mat_mul(a, b):
    rows, cols, inner = len(a), len(b[0]), len(b)
    return [[sum(a[i][k] * b[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]
def transpose(m):
    return [list(row) for row in zip(*m)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(mat_mul(a, b))
print(transpose(a))
print(mat_mul(identity(2), [[5, 6], [7, 8]]))
m = [[2, 0], [1, 3]]
p = identity(2)
for _ in range(5):
    p = mat_mul(p, m)
print(p)
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total
print(det([[1, 2], [3, 4]]), det([[6, 1, 1], [4, -2, 5], [2, 8, 7]]), det(identity(4)))
grid = [[(r * 3 + c) % 5 for c in range(4)] for r in range(3)]
for row in grid:
    print(" ".join(f"{v:2}" for v in row))
print([sum(row) for row in grid], [sum(col) for col in zip(*grid)])
print(max(max(row) for row in grid), sum(sum(r) for r in grid))
flat = [v for row in grid for v in row]
print(flat.count(0), sorted(flat)[::3])
