out = []
for i in range(20):
    if i % 2 == 0:
        continue
    if i > 13:
        break
    out.append(i)
print(out)
result = []
for i in range(4):
    for j in range(4):
        if j == i:
            continue
        if j > i + 1:
            break
        result.append((i, j))
print(result)
total = 0
i = 0
while True:
    i += 1
    if i % 3 == 0:
        continue
    total += i
    if i >= 10:
        break
print(total, i)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    if found is not None:
        break
print("found", found, "in row", row)
words = ["keep", "skip", "keep2", "stop", "never"]
kept = []
for w in words:
    if w == "skip":
        continue
    elif w == "stop":
        break
    kept.append(w)
print(kept)
