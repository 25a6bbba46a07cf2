nums = [1, 2, 4, 8]
print(nums.index(4), nums.index(8))
for target in [1, 2, 3]:
    print(target, "at", nums.index(target))
