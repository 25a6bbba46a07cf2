d = {"banana": 3, "apple": 1, "cherry": 2}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k + "=" + str(v))
for v in d.values():
    print(v * 10)
for k in d.keys():
    print(k.upper())
for k in sorted(d):
    print("sorted", k)
for k, v in sorted(d.items(), key=lambda kv: kv[1]):
    print("by value", k, v)
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
print(max(d, key=lambda k: d[k]), min(d.values()), sum(d.values()))
squares = {n: n * n for n in range(5)}
print(squares)
for n in list(squares):
    if n % 2:
        del squares[n]
print(squares)
d["apple"] = 100
d["date"] = 4
print(list(d))
del d["banana"]
d["banana"] = 0
print(list(d.items()))
