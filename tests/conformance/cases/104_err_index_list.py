items = ["a", "b", "c"]
for i in range(len(items)):
    print(i, items[i])
print(items[-3])
i = 0
while True:
    print("item", items[i])
    i += 1
