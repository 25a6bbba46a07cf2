# Sorting with key lambdas on records (tuples and dicts).
seed = 2024
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

names = ["ann", "bob", "cy", "dora", "eve", "finn", "gus", "hal"]
records = []
for i in range(100000):
    records.append({"id": i, "name": names[rnd(8)] + str(rnd(100)), "score": rnd(1000), "age": 18 + rnd(60)})

by_score = sorted(records, key=lambda r: r["score"])
by_name_age = sorted(records, key=lambda r: (r["name"], -r["age"]))
tuples = [(r["age"], r["score"], r["id"]) for r in records]
tuples.sort(reverse=True)
ids = [r["id"] for r in records]
ids.sort(key=lambda i: (i * 7919) % 10007)
words = sorted([r["name"] for r in records], key=len)

print(by_score[0]["score"], by_score[-1]["score"], by_name_age[0]["name"], tuples[0], ids[:3], words[-1])
