nums = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1])
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (3, "c")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
people = [{"name": "Al", "age": 30}, {"name": "Bo", "age": 25}, {"name": "Cy", "age": 30}]
for p in sorted(people, key=lambda p: p["age"]):
    print(p["name"], p["age"])
stable = sorted([("x", 1), ("y", 0), ("z", 1), ("w", 0)], key=lambda t: t[1])
print(stable)
print(sorted("hello world"), sorted({"b": 1, "a": 2}), sorted({3, 1, 2}))
print(sorted([3.5, -1, 2, 0.5]), sorted([[2, 1], [1, 2], [1]]))
def neg(x):
    return -x
print(sorted(range(6), key=neg), sorted([], key=neg))
print(sorted([True, False, True]), sorted(["b", "A", "a", "B"]))
