def average(nums):
    return sum(nums) / len(nums)
print(average([1, 2, 3, 4]))
print(average([10]))
data = {"a": [2, 4], "b": []}
for k in data:
    print(k, average(data[k]))
