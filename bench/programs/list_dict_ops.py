# List and dict operations: append, index, pop, membership, dict counting.
seed = 12345
def lcg():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed

values = []
for i in range(600000):
    values.append(lcg() % 1000)

counts = {}
for v in values:
    counts[v] = counts.get(v, 0) + 1

buckets = {}
for i, v in enumerate(values):
    key = v % 37
    if key not in buckets:
        buckets[key] = []
    buckets[key].append(i)

small = values[:2000]
positions = 0
for t in range(0, 1000):
    if t in small:
        positions += small.index(t)

stack = []
popped = 0
for v in values:
    if v % 3 == 0 and stack:
        popped += stack.pop()
    else:
        stack.append(v)

most = max(counts, key=lambda k: counts[k])
print(len(counts), most, counts[most], len(buckets), len(buckets[0]), positions, popped, len(stack))
