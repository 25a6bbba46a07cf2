# Comprehension-heavy code: list/dict/set comprehensions and generator arguments.
n = 600
squares = [i * i for i in range(n * 1000)]
evens = [x for x in squares if x % 2 == 0]
pairs = [(a, b) for a in range(n) for b in range(a, n, 5) if (a + b) % 3 == 0]
table = {i: [j for j in range(i % 10)] for i in range(100000)}
residues = {x % 1009 for x in squares}
total = sum(len(v) for v in table.values())
matrix = [[(r * c) % 17 for c in range(250)] for r in range(250)]
transposed = [[row[i] for row in matrix] for i in range(250)]
diag = sum(matrix[i][i] for i in range(250))
flags = all(transposed[i][j] == matrix[j][i] for i in range(0, 250, 2) for j in range(0, 250, 3))
strs = [str(x) for x in evens[:100000]]
lengths = {s: len(s) for s in strs}
print(len(evens), len(pairs), total, len(residues), diag, flags, sum(lengths.values()))
