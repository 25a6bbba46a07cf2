lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 5
lst[1] **= 3
print(lst)
d = {"a": 1, "b": "x"}
d["a"] += 100
d["b"] *= 3
d["c"] = d.get("c", 0) + 1
print(d)
m = [[0, 0], [0, 0]]
m[1][0] += 7
m[0][1] -= 2
print(m)
counts = {}
for w in "a b a c b a".split():
    if w not in counts:
        counts[w] = 0
    counts[w] += 1
print(counts)
calls = []
def idx(i):
    calls.append(i)
    return i
arr = [10, 20, 30]
arr[idx(1)] += 5
print(arr, calls)
nested = {"list": [1, 2]}
nested["list"] += [3]
nested["list"][0] //= 2
print(nested)
bits = [0b1010, 0b0101]
bits[0] |= 1
bits[1] &= 4
bits[0] ^= 0xF
bits[1] <<= 2
print(bits)
s = ["ab"]
s[0] += "cd"
print(s)
f = {"v": 10.0}
f["v"] /= 4
f["v"] %= 1
print(f)
